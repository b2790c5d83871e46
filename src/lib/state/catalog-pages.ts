import { productImageUrl } from '$lib/api/catalog';
import type { Category, Stall } from '$lib/api/catalog-records';
import { keptRecord } from '$lib/api/auth';
import {
	browseProducts,
	listCategories,
	productById,
	productCards,
	productCounts,
	stallWithProducts,
	stallKeys,
	stallsProducts,
	type ProductCard
} from '$lib/db/catalog';
import { db, type MalproDB } from '$lib/db/db';
import { yieldToMain } from '$lib/sync/yield';
import {
	categoryColour,
	isKecamatan,
	pickAcrossStalls,
	shuffledBy,
	type BrowseSort
} from '$lib/domain/browse';
import type { Kecamatan } from '$lib/domain/kecamatan';
import { byName } from '$lib/domain/names';
import { wibDay } from '$lib/domain/time';
import { i18n } from '$lib/i18n/i18n.svelte';
import { catalog } from './catalog.svelte';
import { CatalogSearch } from './catalog-search.svelte';
import { session } from './session.svelte';

/**
 * What the catalog pages show, read from the catalog cached on the device
 * (src/lib/db/catalog.ts): it all works offline once the catalog was pulled.
 * The pages call these (through `catalogQuery`, browse.svelte.ts); they import
 * neither the database nor the API.
 */

/** A product as a card shows it: with its thumbnail and its category's colour. */
export type ProductTile = ProductCard & { thumb: string | null; colour: string };
export type CategoryTile = Category & { colour: string; productCount: number };
/** A stall as a card shows it; its product count is read only for the cards shown (null: not read). */
export type StallTile = Stall & { productCount: number | null };

/** A category's name in the person's language (call it while rendering: it follows a switch). */
export const categoryLabel = (c: Pick<Category, 'name' | 'nameEn'>): string =>
	i18n.locale === 'en' && c.nameEn ? c.nameEn : c.name;

async function colours(): Promise<Map<string, Category>> {
	return new Map((await listCategories(db())).map((c) => [c.id, c]));
}

/** Product cards as tiles: with their thumbnails and their categories' colours. */
export function tiles(cards: ProductCard[], categories: Map<string, Category>): ProductTile[] {
	return cards.map((p) => ({
		...p,
		thumb: productImageUrl(p, '160x160'),
		colour: categoryColour(categories.get(p.category)?.slug)
	}));
}

/** Stalls read per round when picking the home page's featured products. */
const FEATURED_STALLS = 16;

/** The stalls the home page lists before "show all" (StallList's limit). */
export const HOME_STALLS = 8;
/** Product counts asked for at once: a thousand requests in one go would hold the page up. */
const COUNT_SLICE = 100;

/**
 * The home page: categories with their product counts, and the stalls of a
 * kecamatan, open ones first, each group by name. It never reads the products
 * (10,000 on a phone): the counts come from the indexes of listed (active)
 * products (productCounts), so a tile counts what its page lists; only the
 * first `countedStalls` stalls are counted (the ones shown; a thousand counts
 * cost a phone a tenth of a second).
 */
export async function homeCatalog(
	kecamatan: Kecamatan | undefined,
	countedStalls = HOME_STALLS
): Promise<{ categories: CategoryTile[]; stalls: StallTile[] }> {
	// the pick (the first cards) reads first: on a phone both at once delay it
	await pickRead?.catch(() => {});
	const d = db();
	const [categories, listed] = await Promise.all([listCategories(d), homeStalls(d, kecamatan)]);
	const stalls = homeOrder(listed, countedStalls);
	const counted = stalls.slice(0, countedStalls).map((s) => s.id);
	const perCategory = await productCounts(
		d,
		'category',
		categories.map((c) => c.id)
	);
	const perStall: number[] = [];
	for (let at = 0; at < counted.length; at += COUNT_SLICE) {
		if (at > 0) await yieldToMain();
		perStall.push(...(await productCounts(d, 'stall', counted.slice(at, at + COUNT_SLICE))));
	}
	return {
		categories: categories.map((c, i) => categoryTile(c, perCategory[i] ?? 0)),
		stalls: stalls.map((s, i) => ({ ...s, productCount: perStall[i] ?? null }))
	};
}

/** The home page's stalls, and what they were read at (homeStalls). */
let stallsRead: { key: string; stalls: Stall[] } | undefined;
/** Stalls read at once: a thousand in one read hold a phone's page up. */
const STALLS_SLICE = 250;

/**
 * The listed stalls of a kecamatan (or all), in no order (inOrder). A pull
 * re-reads the home page every second or two while it stores products: the
 * stalls are read again only when their cursors moved (every write of stalls
 * moves them, a stall's tombstone moves the tombstones', a catalog dropped
 * whole removes them). All of them, a slice at a time (listStalls, the same
 * rows, reads and sorts them in one go).
 */
async function homeStalls(d: MalproDB, kecamatan: Kecamatan | undefined): Promise<Stall[]> {
	const moved = await d.cursors.bulkGet(['stalls', 'tombstones']);
	const key = JSON.stringify([kecamatan ?? '', moved]);
	if (stallsRead?.key !== key) {
		const rows: Stall[] = [];
		if (kecamatan) rows.push(...(await d.stalls.where('kecamatan').equals(kecamatan).toArray()));
		else {
			for (let after = ''; ;) {
				const slice = await d.stalls.where(':id').above(after).limit(STALLS_SLICE).toArray();
				rows.push(...slice);
				if (slice.length < STALLS_SLICE) break;
				after = slice[slice.length - 1]?.id ?? '';
				await yieldToMain();
			}
		}
		stallsRead = { key, stalls: rows.filter((s) => s.verification === 'verified') };
	}
	return stallsRead.stalls;
}

/**
 * inOrder's answers per list of stalls read: homeStalls keeps one list while the
 * stalls do not change, so the home's re-reads during a download (every second
 * or two) do not sort a thousand stalls again.
 */
const ordered = new WeakMap<Stall[], Map<number, Stall[]>>();

function homeOrder(stalls: Stall[], first: number): Stall[] {
	let byFirst = ordered.get(stalls);
	if (!byFirst) ordered.set(stalls, (byFirst = new Map()));
	let order = byFirst.get(first);
	if (!order) byFirst.set(first, (order = inOrder(stalls, first)));
	return order;
}

/** Open stalls first, each group by name (then id): listStalls' order, open ones first. */
const stallOrder = (a: Stall, b: Stall) => Number(b.isOpen) - Number(a.isOpen) || byName(a, b);

/**
 * The stalls in the home page's order: the first `first` of them sorted (what
 * is shown before "show all": picked in one pass), the rest after them in no
 * order; all of them sorted when they are all shown.
 */
export function inOrder<S extends Stall>(stalls: S[], first: number): S[] {
	if (first >= stalls.length) return [...stalls].sort(stallOrder);
	if (first <= 0) return stalls;
	const top: S[] = [];
	for (const s of stalls) {
		if (top.length === first && stallOrder(s, top[first - 1] as S) >= 0) continue;
		let at = top.length;
		while (at > 0 && stallOrder(s, top[at - 1] as S) < 0) at--;
		top.splice(at, 0, s);
		if (top.length > first) top.pop();
	}
	const shown = new Set(top);
	return [...top, ...stalls.filter((s) => !shown.has(s))];
}

/**
 * The home page's varied pick of a kecamatan (or all): products of a few
 * stalls shuffled by day, read a few stalls at a time (never the whole catalog).
 */
export function homeFeatured(kecamatan: Kecamatan | undefined, count = 8): Promise<ProductTile[]> {
	const run = readFeatured(kecamatan, count);
	pickRead = run;
	return run;
}

let pickRead: Promise<unknown> | undefined;

/** Featured products named by id (the ones the last home showed), as they are now on the device. */
export function homeFeaturedOf(ids: readonly string[]): Promise<ProductTile[]> {
	const run = Promise.all([productCards(db(), ids), colours()]).then(([cards, categories]) =>
		tiles(cards, categories)
	);
	pickRead = run;
	return run;
}

async function readFeatured(kecamatan: Kecamatan | undefined, count: number) {
	const d = db();
	const day = wibDay(Date.now());
	const [categories, stallIds] = await Promise.all([colours(), stallKeys(d, kecamatan)]);
	const order = shuffledBy(
		stallIds.map((id) => ({ id })),
		day
	).map((s) => s.id);
	const cards: ProductCard[] = [];
	for (let at = 0; at < order.length; at += FEATURED_STALLS) {
		cards.push(...(await stallsProducts(d, order.slice(at, at + FEATURED_STALLS))));
		if (cards.filter((p) => !p.soldOut).length >= count) break;
	}
	return tiles(pickAcrossStalls(shuffledBy(cards, day), count), categories);
}

/** A category's page: the category (null if the device does not know it) and its products. */
export async function categoryPage(
	id: string,
	filter: { kecamatan?: Kecamatan; sort: Exclude<BrowseSort, 'relevance'> }
): Promise<{ category: CategoryTile; products: ProductTile[] } | null> {
	const categories = await colours();
	const category = categories.get(id);
	if (!category?.active) return null;
	const products = tiles(await browseProducts(db(), { category: id, ...filter }), categories);
	return { category: categoryTile(category, products.length), products };
}

/** A category as its page's head shows it (from the device or the server), with how many it lists. */
export function categoryTile(category: Category, productCount: number): CategoryTile {
	return { ...category, colour: categoryColour(category.slug), productCount };
}

/** Active categories in the city's order, for a filter. */
export function categoryChoices(): Promise<Category[]> {
	return listCategories(db());
}

/** A stall's page; null if the device does not list it. */
export async function stallPage(
	id: string
): Promise<{ stall: Stall; products: ProductTile[] } | null> {
	const [found, categories] = await Promise.all([stallWithProducts(db(), id), colours()]);
	return found && { stall: found.stall, products: tiles(found.products, categories) };
}

export type ProductDetail = ProductTile & {
	photo: string | null;
	/** null when the category is gone or inactive (the product is still shown) */
	categoryRow: Category | null;
};

/** A product's page; null if the device does not list it (inactive ones are returned). */
export async function productPage(id: string): Promise<ProductDetail | null> {
	const [found, categories] = await Promise.all([productById(db(), id), colours()]);
	return found && productDetail(found, categories.get(found.category));
}

/** What a product's page shows, from its card and its category (from the device or the server). */
export function productDetail(found: ProductCard, category: Category | undefined): ProductDetail {
	const [tile] = tiles([found], new Map(category ? [[category.id, category]] : [])) as [
		ProductTile
	];
	return {
		...tile,
		photo: productImageUrl(found, '480x480'),
		categoryRow: category?.active ? category : null
	};
}

const catalogSearch = new CatalogSearch();
// the results page lists every match; the home page shows the first few
catalogSearch.limit = 1000;
let indexedRevision = -1;
let indexing: Promise<void> | undefined;

/** Builds the search index once per catalog revision. */
async function searchIndex(): Promise<void> {
	const revision = catalog.revision;
	if (revision !== indexedRevision || !catalogSearch.ready) {
		indexedRevision = revision;
		indexing = catalogSearch.load(db());
	}
	await indexing;
}

/**
 * Products matching a search (src/lib/domain/search.ts), best first, or sorted
 * by price or name; in one kecamatan and one category if asked.
 */
export async function searchProducts(
	query: string,
	filter: { kecamatan?: Kecamatan; category?: string; sort?: BrowseSort } = {}
): Promise<ProductTile[]> {
	if (!query.trim()) return [];
	await searchIndex();
	catalogSearch.query = query;
	const ids = catalogSearch.ids;
	const { kecamatan, category, sort = 'relevance' } = filter;
	const [cards, categories] = await Promise.all([
		sort === 'relevance'
			? productCards(db(), ids)
			: browseProducts(db(), { kecamatan, category, sort }).then((all) => {
					const found = new Set(ids);
					return all.filter((p) => found.has(p.id));
				}),
		colours()
	]);
	const kept = cards.filter(
		(p) => (!kecamatan || p.kecamatan === kecamatan) && (!category || p.category === category)
	);
	return tiles(kept, categories);
}

/**
 * The signed-in buyer's kecamatan, from the sign-in kept on the device (the
 * buyer record holds it; the Account type does not), so it is known offline.
 * Null for visitors, other roles, and buyers who have not set one.
 */
export async function buyerKecamatan(): Promise<Kecamatan | null> {
	if (session.role !== 'buyer') return null;
	const kecamatan = (await keptRecord())?.kecamatan;
	return isKecamatan(kecamatan) ? kecamatan : null;
}
