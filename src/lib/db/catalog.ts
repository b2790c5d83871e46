import type { Category, OpdRow, Product, Stall } from '$lib/api/catalog-records';
import { byName } from '$lib/domain/names';
import type { Kecamatan } from '$lib/domain/kecamatan';
import type { SearchItem } from '$lib/domain/search';
import type { MalproDB } from './db';

/**
 * What the buyer's pages read from the cached catalog; all of it works offline.
 * Only verified stalls and active products are listed (a device may hold others
 * for a moment); sold-out products and closed stalls are listed with a flag.
 */

/** A product as lists show it: with its stall, and whether it can be ordered now. */
export type ProductCard = Product & {
	stallName: string;
	kecamatan: Kecamatan;
	stallOpen: boolean;
	/** stock 0: shown, but cannot be ordered */
	soldOut: boolean;
};

export type ProductSort = 'price_asc' | 'price_desc' | 'name';
export type ProductFilter = { category?: string; kecamatan?: Kecamatan; sort?: ProductSort };

const productOrder: Record<ProductSort, (a: ProductCard, b: ProductCard) => number> = {
	price_asc: (a, b) => a.price - b.price || byName(a, b),
	price_desc: (a, b) => b.price - a.price || byName(a, b),
	name: byName
};

const listed = (s: Stall | undefined): s is Stall => s?.verification === 'verified';

function card(p: Product, stall: Stall): ProductCard {
	return {
		...p,
		stallName: stall.name,
		kecamatan: stall.kecamatan,
		stallOpen: stall.isOpen,
		soldOut: p.stock === 0
	};
}

/** Active categories in the city's order (then by name). */
export async function listCategories(db: MalproDB): Promise<Category[]> {
	const all = await db.categories.toArray();
	return all.filter((c) => c.active).sort((a, b) => a.sort - b.sort || byName(a, b));
}

/** Active OPDs by name (where an order can be delivered). */
export async function deliveryOpds(db: MalproDB): Promise<OpdRow[]> {
	return (await db.opds.toArray()).filter((o) => o.active).sort(byName);
}

/** Verified stalls, of one kecamatan or all, by name; closed ones too (isOpen false). */
export async function listStalls(db: MalproDB, kecamatan?: Kecamatan): Promise<Stall[]> {
	const rows = kecamatan
		? await db.stalls.where('kecamatan').equals(kecamatan).toArray()
		: await db.stalls.toArray();
	return rows.filter(listed).sort(byName);
}

/** A stall's page: the stall and its active products by name; null if it is not listed. */
export async function stallWithProducts(
	db: MalproDB,
	id: string
): Promise<{ stall: Stall; products: ProductCard[] } | null> {
	const [stall, products] = await Promise.all([
		db.stalls.get(id),
		db.products.where('stall').equals(id).toArray()
	]);
	return stallListing(stall, products);
}

/** A stall's page from its row and its products' (from the device or the server). */
export function stallListing(
	stall: Stall | undefined,
	products: Product[]
): { stall: Stall; products: ProductCard[] } | null {
	if (!listed(stall)) return null;
	return {
		stall,
		products: products
			.filter((p) => p.active)
			.map((p) => card(p, stall))
			.sort(byName)
	};
}

/**
 * A product's page, with its stall and category; null if it is not listed. An
 * inactive product is returned (active: false) so a link to it can say so.
 */
export async function productById(
	db: MalproDB,
	id: string
): Promise<(ProductCard & { categoryName: string }) | null> {
	const product = await db.products.get(id);
	if (!product) return null;
	const [stall, category] = await Promise.all([
		db.stalls.get(product.stall),
		db.categories.get(product.category)
	]);
	return productWithStall(product, stall, category);
}

/** A product as its page shows it; null if its stall is not listed. */
export function productWithStall(
	product: Product,
	stall: Stall | undefined,
	category: Category | undefined
): (ProductCard & { categoryName: string }) | null {
	if (!listed(stall)) return null;
	return { ...card(product, stall), categoryName: category?.name ?? '' };
}

/** The ids of the stalls the device holds, of one kecamatan or all (no row is read). */
export function stallKeys(db: MalproDB, kecamatan?: Kecamatan): Promise<string[]> {
	return kecamatan
		? db.stalls.where('kecamatan').equals(kecamatan).primaryKeys()
		: db.stalls.toCollection().primaryKeys();
}

/**
 * The active products of these stalls (those listed), as cards: by stall in the
 * order given, then by name; each stall's products read through the `stall` index.
 */
export async function stallsProducts(
	db: MalproDB,
	stallIds: readonly string[]
): Promise<ProductCard[]> {
	const [stalls, products] = await Promise.all([
		db.stalls.bulkGet([...stallIds]),
		Promise.all(stallIds.map((id) => db.products.where('stall').equals(id).toArray()))
	]);
	const cards: ProductCard[] = [];
	stalls.forEach((stall, i) => {
		if (!listed(stall)) return;
		const own = (products[i] ?? []).filter((p) => p.active).map((p) => card(p, stall));
		cards.push(...own.sort(byName));
	});
	return cards;
}

/**
 * How many listed (active) products the device holds per category or stall, in
 * the order of `keys`: one read transaction of native counts over the indexes of
 * listed products only (schema.ts), so a thousand stalls cost milliseconds and
 * no product is read. The pages list the same products.
 */
export async function productCounts(
	db: MalproDB,
	by: 'category' | 'stall',
	keys: readonly string[]
): Promise<number[]> {
	if (keys.length === 0) return [];
	if (!db.isOpen()) await db.open();
	const store = db.backendDB().transaction('products', 'readonly').objectStore('products');
	const idx = store.index(by === 'category' ? 'listedCategory' : 'listedStall');
	return Promise.all(
		keys.map(
			(key) =>
				new Promise<number>((resolve, reject) => {
					const req = idx.count(key);
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				})
		)
	);
}

/**
 * Listed products as cards, in the list's order: those of verified stalls, active;
 * each with its stall (from the device's rows or the server's).
 */
export function listedCards(
	rows: Iterable<{ product: Product; stall: Stall | undefined }>,
	sort: ProductSort = 'name'
): ProductCard[] {
	const cards: ProductCard[] = [];
	for (const { product, stall } of rows) {
		if (listed(stall) && product.active) cards.push(card(product, stall));
	}
	return cards.sort(productOrder[sort]);
}

/** Products of a category (or all), of stalls in a kecamatan (or all), sorted. */
export async function browseProducts(
	db: MalproDB,
	filter: ProductFilter = {}
): Promise<ProductCard[]> {
	const [products, stalls] = await Promise.all([
		filter.category
			? db.products.where('category').equals(filter.category).toArray()
			: db.products.toArray(),
		filter.kecamatan
			? db.stalls.where('kecamatan').equals(filter.kecamatan).toArray()
			: db.stalls.toArray()
	]);
	const stallById = new Map(stalls.map((s) => [s.id, s]));
	return listedCards(
		products.map((product) => ({ product, stall: stallById.get(product.stall) })),
		filter.sort
	);
}

/** Listed products by id, in the order asked (search results); ids not listed are left out. */
export async function productCards(db: MalproDB, ids: readonly string[]): Promise<ProductCard[]> {
	const products = await db.products.bulkGet([...ids]);
	const stalls = await db.stalls.bulkGet([...new Set(products.map((p) => p?.stall ?? ''))]);
	const stallById = new Map(stalls.filter(listed).map((s) => [s.id, s]));
	const cards: ProductCard[] = [];
	for (const p of products) {
		const stall = p && stallById.get(p.stall);
		if (p && stall && p.active) cards.push(card(p, stall));
	}
	return cards;
}

/** Every listed product with the names search looks at (src/lib/domain/search.ts). */
export async function searchItems(db: MalproDB): Promise<SearchItem[]> {
	const [products, stalls, categories] = await Promise.all([
		db.products.toArray(),
		db.stalls.toArray(),
		db.categories.toArray()
	]);
	const stallById = new Map(stalls.filter(listed).map((s) => [s.id, s]));
	const categoryName = new Map(categories.map((c) => [c.id, c.name]));
	const items: SearchItem[] = [];
	for (const p of products) {
		const stall = stallById.get(p.stall);
		if (!stall || !p.active) continue;
		items.push({
			id: p.id,
			name: p.name,
			stallName: stall.name,
			categoryName: categoryName.get(p.category) ?? ''
		});
	}
	return items;
}
