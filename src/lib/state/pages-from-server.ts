import { fetchCategoryRecords, type CategoryFilter } from '$lib/api/category-records';
import { fetchProductRecords } from '$lib/api/product-records';
import type { Stall } from '$lib/api/catalog-records';
import { fetchStallRecords } from '$lib/api/stall-records';
import { listedCards, productWithStall, stallListing } from '$lib/db/catalog';
import {
	categoryTile,
	productDetail,
	tiles,
	type CategoryTile,
	type ProductDetail,
	type ProductTile
} from './catalog-pages';

/**
 * The pages a shared link opens (a product's, a stall's, a category's), read from the
 * server while the device holds no catalog (src/lib/state/before-catalog.svelte.ts),
 * and made by the same functions as from the device. Apart from catalog-pages.ts: the
 * home page and the rest need none of it.
 */

/**
 * A category's page read from the server: its first `perPage` products, sorted and
 * filtered as asked, and (as the tile's count) how many it lists in all. For a first
 * visit to its link, or a tap on the home page's category while the catalog still
 * downloads. 'missing' when the server lists no such category; null when it cannot
 * say (the page waits for the catalog).
 */
export async function categoryPageFromServer(
	id: string,
	filter: CategoryFilter
): Promise<{ category: CategoryTile; products: ProductTile[] } | 'missing' | null> {
	const records = await fetchCategoryRecords(id, filter);
	if (records === null || records === 'missing') return records;
	const { category } = records;
	// sorted again as the device sorts (names by its own collation), so the cards keep
	// their order when the catalog arrives
	const cards = listedCards(records.products, filter.sort);
	return {
		category: categoryTile(category, records.total),
		products: tiles(cards, new Map([[category.id, category]]))
	};
}

/**
 * A product's page read from the server, for a first visit to its link: the device
 * holds no catalog yet, and downloading it all (about 660 KB) before showing one
 * product would keep a weak signal waiting for seconds. 'missing' when the server
 * lists no such product; null when it cannot say (the page waits for the catalog).
 */
export async function productPageFromServer(id: string): Promise<ProductDetail | 'missing' | null> {
	const records = await fetchProductRecords(id);
	if (records === null || records === 'missing') return records;
	const found = productWithStall(records.product, records.stall, records.category ?? undefined);
	return found ? productDetail(found, records.category ?? undefined) : 'missing';
}

/**
 * A stall's page read from the server, for a first visit to its link (the device
 * holds no catalog yet). 'missing' when the server lists no such stall; null when
 * it cannot say (the page waits for the catalog).
 */
export async function stallPageFromServer(
	id: string
): Promise<{ stall: Stall; products: ProductTile[] } | 'missing' | null> {
	const records = await fetchStallRecords(id);
	if (records === null || records === 'missing') return records;
	const found = stallListing(records.stall, records.products);
	if (!found) return 'missing';
	const categories = new Map(records.categories.map((c) => [c.id, c]));
	return { stall: found.stall, products: tiles(found.products, categories) };
}
