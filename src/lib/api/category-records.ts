import type { ProductSort } from '$lib/db/catalog';
import type { Kecamatan } from '$lib/domain/kecamatan';
import { askEarlyOrNow, askRecord, type AskOptions } from './early-request';
import {
	expandedFields,
	isRecordId,
	parseRecord,
	recordFields,
	type Category,
	type Product,
	type Stall
} from './catalog-records';

/**
 * A category's first page of products, read from the server while the device holds
 * no catalog yet: a first visit to a category's link, or a tap on a category of the
 * home page while the catalog (about 660 KB) still downloads on a weak signal. One
 * request: a page of the category's listed products (active, of verified stalls, as
 * the device lists them), each with its stall and the category, sorted and filtered
 * as the page asks, with how many there are in all; the first paint asks for a plain
 * link's early (src/hooks.server.ts). Only when it lists none is the category asked
 * for itself. The records pass the catalog pull's schemas (catalog-records.ts); a
 * product that does not fit is left out, as the pull leaves it out.
 */
export type CategoryRecords = {
	category: Category;
	/** the first `perPage` products, each with its stall */
	products: { product: Product; stall: Stall }[];
	/** how many products the category lists with this filter (more than `products` holds) */
	total: number;
};

export type CategoryFilter = { kecamatan?: Kecamatan; sort: ProductSort; perPage: number };

/**
 * The server's order for a sort: names by `sort_name`, the name as the server keeps it
 * for sorting (pocketbase/domain/names.go, NameSortKey), which orders as the device
 * orders names (src/lib/domain/names.ts): "Lapak 2" before "Lapak 10", case and accents
 * aside. So the first page is the device's first page, and no card changes when the
 * catalog arrives. (The page sorts the cards again all the same.)
 */
const serverSort: Record<ProductSort, string> = {
	name: 'sort_name,id',
	price_asc: 'price,sort_name,id',
	price_desc: '-price,sort_name,id'
};

const fields = [
	recordFields.products,
	...expandedFields('stall', 'stalls'),
	...expandedFields('category', 'categories')
].join(',');

/**
 * The list request for category `id`'s products. The id goes in as it is (a record
 * id needs no escaping), so the build can write `$1` in its place for the first
 * paint's script; `kecamatan` is one of the list.
 */
export function categoryProductsPath(id: string, f: CategoryFilter): string {
	const rest = [
		'active=true',
		'stall.verification="verified"',
		...(f.kecamatan ? [`stall.kecamatan="${f.kecamatan}"`] : [])
	];
	const filter = `${encodeURIComponent('category="')}${id}${encodeURIComponent(`" && ${rest.join(' && ')}`)}`;
	const params = new URLSearchParams({
		sort: serverSort[f.sort],
		perPage: String(f.perPage),
		expand: 'stall,category',
		fields
	});
	return `/api/collections/products/records?filter=${filter}&${params}`;
}

/** The request for the category itself (when it lists no product). */
export function categoryRecordPath(id: string): string {
	return `/api/collections/categories/records/${id}?fields=${recordFields.categories}`;
}

type RawList = { items?: unknown; totalItems?: unknown };
type RawRow = { expand?: { stall?: unknown; category?: unknown } };

/**
 * Category `id` and its first page of products; 'missing' when the server lists no
 * such category, or it is no longer active; null when it cannot say (no network, no
 * answer in time, an answer that does not fit): the page waits for the catalog.
 */
export async function fetchCategoryRecords(
	id: string,
	filter: CategoryFilter,
	o: AskOptions = {}
): Promise<CategoryRecords | 'missing' | null> {
	if (!isRecordId(id)) return 'missing';
	const list = await askEarlyOrNow(categoryProductsPath(id, filter), o);
	if (!list?.ok) return null;
	let body: RawList;
	try {
		body = (await list.json()) as RawList;
	} catch {
		return null;
	}
	if (!Array.isArray(body.items) || typeof body.totalItems !== 'number') return null;
	const rows = body.items as RawRow[];
	const products: CategoryRecords['products'] = [];
	for (const row of rows) {
		const product = parseRecord('products', row);
		const stall = parseRecord('stalls', row?.expand?.stall);
		if (product && stall) products.push({ product, stall });
	}
	const total = body.totalItems - (rows.length - products.length);
	let category = parseRecord('categories', rows[0]?.expand?.category);
	if (!category) {
		// none listed with this filter: the category itself says whether it is there
		const raw = await askRecord(categoryRecordPath(id), o);
		if (raw === 'missing') return 'missing';
		category = raw === null ? null : parseRecord('categories', raw);
		if (!category) return null;
	}
	return category.active ? { category, products, total } : 'missing';
}
