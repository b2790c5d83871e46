import { askEarlyOrNow, type AskOptions } from './early-request';
import {
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

const expanded = (relation: string, fields: string) =>
	fields.split(',').map((field) => `expand.${relation}.${field}`);

const query = [
	'expand=stall,category',
	`fields=${[
		recordFields.products,
		...expanded('stall', recordFields.stalls),
		...expanded('category', recordFields.categories)
	].join(',')}`
].join('&');

/** The request for product `id` (the first paint asks for it early on a product's link). */
export function productRecordsPath(id: string): string {
	return `/api/collections/products/records/${id}?${query}`;
}

/** A product id as record ids are written (anything else is no product). */
const productId = /^[a-z0-9]{1,50}$/;

/**
 * Product `id` with its stall and category; 'missing' when the server lists no such
 * product (none, or its stall is not verified); null when it cannot say (no network,
 * no answer in time, an answer that does not fit): the page waits for the catalog.
 */
export async function fetchProductRecords(
	id: string,
	o: AskOptions = {}
): Promise<ProductRecords | 'missing' | null> {
	if (!productId.test(id)) return 'missing';
	const res = await askEarlyOrNow(productRecordsPath(id), o);
	if (res?.status === 404) return 'missing';
	if (!res?.ok) return null;
	try {
		const raw = (await res.json()) as { expand?: { stall?: unknown; category?: unknown } };
		const product = parseRecord('products', raw);
		const stall = parseRecord('stalls', raw.expand?.stall);
		if (!product || !stall) return null;
		return { product, stall, category: parseRecord('categories', raw.expand?.category) };
	} catch {
		return null;
	}
}
