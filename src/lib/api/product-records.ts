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
 * One product with its stall and category, read from the server in one request
 * (the records API, expanded), for a first visit to a product's link: the device
 * holds no catalog yet. The records pass the same schemas as the catalog pull's
 * (catalog-records.ts), so the page shows them as it will from the device.
 */
export type ProductRecords = { product: Product; stall: Stall; category: Category | null };

const query = [
	'expand=stall,category',
	`fields=${[
		recordFields.products,
		...expandedFields('stall', 'stalls'),
		...expandedFields('category', 'categories')
	].join(',')}`
].join('&');

/** The request for product `id` (the first paint asks for it early on a product's link). */
export function productRecordsPath(id: string): string {
	return `/api/collections/products/records/${id}?${query}`;
}

/**
 * Product `id` with its stall and category; 'missing' when the server lists no such
 * product (none, or its stall is not verified); null when it cannot say (no network,
 * no answer in time, an answer that does not fit): the page waits for the catalog.
 */
export async function fetchProductRecords(
	id: string,
	o: AskOptions = {}
): Promise<ProductRecords | 'missing' | null> {
	if (!isRecordId(id)) return 'missing';
	const raw = await askRecord(productRecordsPath(id), o);
	if (raw === null || raw === 'missing') return raw;
	const { expand } = raw as { expand?: { stall?: unknown; category?: unknown } };
	const product = parseRecord('products', raw);
	const stall = parseRecord('stalls', expand?.stall);
	if (!product || !stall) return null;
	return { product, stall, category: parseRecord('categories', expand?.category) };
}
