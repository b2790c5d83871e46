import { askRecord, type AskOptions } from './early-request';
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
 * A stall with its products and their categories, read from the server in one
 * request (the records API, its products expanded back from their `stall`), for a
 * first visit to a stall's link: the device holds no catalog yet. The records pass
 * the catalog pull's schemas (catalog-records.ts); a product that does not fit is
 * left out, as the pull leaves it out.
 */
export type StallRecords = { stall: Stall; products: Product[]; categories: Category[] };

const PRODUCTS = 'products_via_stall';

const query = [
	`expand=${PRODUCTS}.category`,
	`fields=${[
		recordFields.stalls,
		...expandedFields(PRODUCTS, 'products'),
		...expandedFields(`${PRODUCTS}.expand.category`, 'categories')
	].join(',')}`
].join('&');

/** The request for stall `id` (the first paint asks for it early on a stall's link). */
export function stallRecordsPath(id: string): string {
	return `/api/collections/stalls/records/${id}?${query}`;
}

type RawStall = { expand?: { [PRODUCTS]?: { expand?: { category?: unknown } }[] } };

/**
 * Stall `id` with its products; 'missing' when the server lists no such stall;
 * null when it cannot say (no network, no answer in time, a stall that does not
 * fit): the page waits for the catalog.
 */
export async function fetchStallRecords(
	id: string,
	o: AskOptions = {}
): Promise<StallRecords | 'missing' | null> {
	if (!isRecordId(id)) return 'missing';
	const raw = await askRecord(stallRecordsPath(id), o);
	if (raw === null || raw === 'missing') return raw;
	const stall = parseRecord('stalls', raw);
	if (!stall) return null;
	const rows = (raw as RawStall).expand?.[PRODUCTS] ?? [];
	const products = rows.flatMap((row) => parseRecord('products', row) ?? []);
	const categories = new Map<string, Category>();
	for (const row of rows) {
		const category = parseRecord('categories', row.expand?.category);
		if (category) categories.set(category.id, category);
	}
	return { stall, products, categories: [...categories.values()] };
}
