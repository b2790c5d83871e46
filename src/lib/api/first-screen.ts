import * as z from 'zod/mini';
import type { ProductCardView } from '$lib/components/types';
import { categoryColour } from '$lib/domain/browse';
import { productImageUrl } from './images';

/**
 * The first screen of a first visit, read from the server: a few products to
 * show while the catalog downloads into the device (src/lib/sync/pull.ts).
 * Plain fetch and a small schema: no SDK, no database, so the first cards
 * paint before either loads. Every later screen reads the cached catalog.
 */

const pickedProduct = z.object({
	id: z.string(),
	name: z.string(),
	unit: z.string(),
	price: z.int().check(z.nonnegative()),
	stock: z.int(),
	image: z.string(),
	expand: z.object({
		stall: z.object({ name: z.string(), is_open: z.boolean() }),
		category: z.optional(z.object({ slug: z.string() }))
	})
});
const listAnswer = z.object({ items: z.array(z.unknown()) });

/** The list request of the pick: open stalls' products in stock, in a random order. */
export function firstPickPath(count: number): string {
	const params = new URLSearchParams({
		page: '1',
		perPage: String(count),
		skipTotal: '1',
		sort: '@random',
		filter: 'active = true && stock > 0 && stall.is_open = true',
		expand: 'stall,category',
		fields:
			'id,name,unit,price,stock,image,expand.stall.name,expand.stall.is_open,expand.category.slug'
	});
	return `/api/collections/products/records?${params}`;
}

export type FirstPickOptions = {
	baseUrl?: string;
	count?: number;
	timeoutMs?: number;
	fetch?: typeof fetch;
};

/**
 * A few products as cards, or null if the server cannot be reached in time
 * (the page then waits for the catalog as on any other visit). Records that do
 * not fit the schema are left out.
 */
export async function fetchFirstPick(o: FirstPickOptions = {}): Promise<ProductCardView[] | null> {
	const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), o.timeoutMs ?? 8000);
	try {
		const res = await doFetch(`${o.baseUrl ?? ''}${firstPickPath(o.count ?? 8)}`, {
			signal: abort.signal,
			cache: 'no-store'
		});
		if (!res.ok) return null;
		const list = listAnswer.safeParse(await res.json());
		if (!list.success) return null;
		return list.data.items.flatMap((raw) => {
			const p = pickedProduct.safeParse(raw);
			if (!p.success) return [];
			const { id, name, unit, price, stock, image, expand } = p.data;
			return [
				{
					id,
					name,
					unit,
					price,
					stallName: expand.stall.name,
					stallOpen: expand.stall.is_open,
					soldOut: stock <= 0,
					thumb: productImageUrl({ id, image }, '160x160'),
					colour: categoryColour(expand.category?.slug)
				}
			];
		});
	} catch {
		return null;
	} finally {
		clearTimeout(timer);
	}
}
