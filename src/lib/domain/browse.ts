import { kecamatanList, type Kecamatan } from './kecamatan';

/**
 * Pure helpers of the catalog pages: what the filters in a page's address mean,
 * a picture's stand-in (initials on the category's colour), and a varied pick of
 * products for the home page.
 */

/** How a product list is ordered; 'relevance' only where a search ranked it. */
export type BrowseSort = 'relevance' | 'price_asc' | 'price_desc' | 'name';

/** The sorts as written in a page's address (?urut=termurah): Indonesian words people can read. */
const sortWords: Record<BrowseSort, string> = {
	relevance: 'relevan',
	price_asc: 'termurah',
	price_desc: 'termahal',
	name: 'nama'
};

export const sortToParam = (sort: BrowseSort): string => sortWords[sort];

/** The sort an address asks for, or `fallback` when it asks for none or an unknown one. */
export function sortFromParam(value: string | null, fallback: BrowseSort): BrowseSort {
	const found = (Object.keys(sortWords) as BrowseSort[]).find((s) => sortWords[s] === value);
	return found ?? fallback;
}

export const isKecamatan = (value: unknown): value is Kecamatan =>
	typeof value === 'string' && (kecamatanList as readonly string[]).includes(value);

/** The kecamatan an address asks for (?kecamatan=klojen), or undefined for all of them. */
export function kecamatanFromParam(value: string | null): Kecamatan | undefined {
	return isKecamatan(value) ? value : undefined;
}

/**
 * The search params of a list page after a filter changed: empty values and the
 * page's default sort are left out, so the plain address stays plain.
 */
export function filterParams(
	current: URLSearchParams,
	change: { query?: string; kecamatan?: string; category?: string; sort?: BrowseSort },
	defaultSort: BrowseSort
): URLSearchParams {
	const next = new URLSearchParams(current);
	const set = (key: string, value: string | undefined) => {
		if (value === undefined) return;
		if (value) next.set(key, value);
		else next.delete(key);
	};
	set('q', change.query?.trim());
	set('kecamatan', change.kecamatan);
	set('kategori', change.category);
	if (change.sort !== undefined)
		set('urut', change.sort === defaultSort ? '' : sortWords[change.sort]);
	return next;
}

/** Up to two letters standing for a name: "Keripik Tempe Sanan" → "KT", "Sapu" → "SA". */
export function initialsOf(name: string): string {
	const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
	if (words.length === 0) return '?';
	if (words.length === 1) return (words[0] as string).slice(0, 2).toUpperCase();
	return words
		.slice(0, 2)
		.map((w) => w.charAt(0))
		.join('')
		.toUpperCase();
}

/** The city's eight categories' colours (dark enough for white text: contrast ≥ 4.5). */
const categoryColours: Record<string, string> = {
	'makanan-minuman': '#b45309',
	'fashion-pria': '#1d4ed8',
	'fashion-wanita': '#be185d',
	peralatan: '#475569',
	kriya: '#92400e',
	'perlengkapan-rumah': '#047857',
	jasa: '#6d28d9',
	pernikahan: '#9f1239'
};

/** A category's colour; a category the app does not know gets one from its slug. */
export function categoryColour(slug: string | undefined): string {
	if (!slug) return '#64748b';
	const known = categoryColours[slug];
	if (known) return known;
	let hash = 0;
	for (const ch of slug) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
	return `hsl(${hash % 360} 55% 35%)`;
}

/**
 * Items in an order that looks random but is the same all day for a given seed
 * (the WIB day): the home page's pick changes daily, not on every visit.
 */
export function shuffledBy<T extends { id: string }>(items: readonly T[], seed: string): T[] {
	const keyed = items.map((item) => ({ item, key: fnv1a(`${seed}:${item.id}`) }));
	keyed.sort((a, b) => a.key - b.key || (a.item.id < b.item.id ? -1 : 1));
	return keyed.map((k) => k.item);
}

function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * A varied pick: one product of each stall in turn (stalls in the order of their
 * first product), up to `count`. Sold-out products only after every product
 * that can be ordered.
 */
export function pickAcrossStalls<T extends { stall: string; soldOut: boolean }>(
	products: readonly T[],
	count: number
): T[] {
	const picked = roundRobin(
		products.filter((p) => !p.soldOut),
		count
	);
	return picked.concat(
		roundRobin(
			products.filter((p) => p.soldOut),
			count - picked.length
		)
	);
}

function roundRobin<T extends { stall: string }>(products: readonly T[], count: number): T[] {
	const byStall = new Map<string, T[]>();
	for (const p of products) {
		const list = byStall.get(p.stall);
		if (list) list.push(p);
		else byStall.set(p.stall, [p]);
	}
	const queues = [...byStall.values()];
	const picked: T[] = [];
	for (let round = 0; picked.length < count; round++) {
		const row = queues.flatMap((q) => (round < q.length ? [q[round] as T] : []));
		if (row.length === 0) break;
		picked.push(...row.slice(0, count - picked.length));
	}
	return picked;
}

/** Product cards a long list shows at first, and at each "show more": rows of 2, 3, 4 or 6. */
export const LIST_PAGE_SIZE = 24;
