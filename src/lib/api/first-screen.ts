import * as z from 'zod/mini';
import type { ProductCardView, StallCardView } from '$lib/components/types';
import { categoryColour } from '$lib/domain/browse';
import { kecamatanList } from '$lib/domain/kecamatan';
import { askEarlyOrNow, type AskOptions } from './early-request';
import { productImageUrl } from './images';

/**
 * The first screen of a first visit, read from the server in one small answer
 * (GET /api/catalog/first-screen, pocketbase/hooks/first_screen.go): the home
 * page's categories and stalls with their product counts, and a few products,
 * to show while the catalog downloads into the device (src/lib/sync/pull.ts).
 * Plain fetch and a small schema: no SDK, no database, so the home paints
 * before either loads. Every later screen reads the cached catalog.
 */

const count = z.int().check(z.nonnegative());
const answer = z.object({
	categories: z.array(z.unknown()),
	stalls: z.array(z.unknown()),
	stalls_total: count,
	products: z.array(z.unknown())
});
const category = z.object({
	id: z.string(),
	slug: z.string(),
	name: z.string(),
	name_en: z.string(),
	products: count
});
const stall = z.object({
	id: z.string(),
	name: z.string(),
	kecamatan: z.enum(kecamatanList),
	is_open: z.boolean(),
	products: count
});
const product = z.object({
	id: z.string(),
	name: z.string(),
	unit: z.string(),
	price: count,
	stock: z.int(),
	image: z.string(),
	stall_name: z.string(),
	stall_open: z.boolean(),
	category_slug: z.string()
});

/** A category tile's data (the page adds its label in the person's language). */
export type FirstScreenCategory = {
	id: string;
	name: string;
	nameEn: string;
	colour: string;
	productCount: number;
};

export type FirstScreen = {
	/** active categories, in the home page's order */
	categories: FirstScreenCategory[];
	/** the first stalls of the home page (open ones first, by name) */
	stalls: StallCardView[];
	/** how many stalls the catalog lists in all ("show all") */
	stallsTotal: number;
	/** a few products of open stalls, in stock, in a random order */
	pick: ProductCardView[];
};

export type FirstScreenOptions = AskOptions & {
	/** how many products (the server allows 0–24) */
	pick?: number;
};

/** The first screen's path (the first paint asks for the home's early: src/hooks.server.ts). */
export function firstScreenPath(pick = 8): string {
	return `/api/catalog/first-screen?pick=${pick}`;
}

/** Each row that fits its schema, mapped; the others are left out. */
function rows<S extends z.ZodMiniType, T>(
	items: unknown[],
	schema: S,
	map: (row: z.output<S>) => T
): T[] {
	return items.flatMap((raw) => {
		const row = schema.safeParse(raw);
		return row.success ? [map(row.data as z.output<S>)] : [];
	});
}

/**
 * The first screen, or null if the server cannot be reached in time or answers
 * something else (the page then waits for the catalog as on any other visit).
 * Rows that do not fit their schema are left out.
 */
export async function fetchFirstScreen(o: FirstScreenOptions = {}): Promise<FirstScreen | null> {
	try {
		const res = await askEarlyOrNow(firstScreenPath(o.pick), o);
		if (!res?.ok) return null;
		const body = answer.safeParse(await res.json());
		if (!body.success) return null;
		const { categories, stalls, stalls_total, products } = body.data;
		return {
			categories: rows(categories, category, (c) => ({
				id: c.id,
				name: c.name,
				nameEn: c.name_en,
				colour: categoryColour(c.slug),
				productCount: c.products
			})),
			stalls: rows(stalls, stall, (s) => ({
				id: s.id,
				name: s.name,
				kecamatan: s.kecamatan,
				isOpen: s.is_open,
				productCount: s.products
			})),
			stallsTotal: stalls_total,
			pick: rows(products, product, (p) => ({
				id: p.id,
				name: p.name,
				unit: p.unit,
				price: p.price,
				stallName: p.stall_name,
				stallOpen: p.stall_open,
				soldOut: p.stock <= 0,
				thumb: productImageUrl({ id: p.id, image: p.image }, '160x160'),
				colour: categoryColour(p.category_slug || undefined)
			}))
		};
	} catch {
		return null;
	}
}
