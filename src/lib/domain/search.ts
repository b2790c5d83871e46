/**
 * Search-as-you-type over the cached catalog: every query word must start some
 * word of the product's name, its stall's name or its category's name, ignoring
 * case and accents; a query word of 5 letters or more may carry one typo (a
 * letter added, missing, wrong, or two swapped: "kripik" finds "Keripik").
 * The index is built once per catalog; a keystroke only scans the distinct
 * words (a few thousand) and one byte per product for each query word.
 */

import { normalize } from './names';

export type SearchItem = { id: string; name: string; stallName: string; categoryName: string };

export type SearchIndex = {
	readonly ids: readonly string[];
	/** each item's place when sorted by normalized name, then id */
	readonly nameRank: Int32Array;
	/** distinct normalized words, sorted (binary search for prefixes) */
	readonly vocabulary: readonly string[];
	/** per word of `vocabulary`: items having it in their name */
	readonly inName: readonly Int32Array[];
	/** per word of `vocabulary`: items having it in their stall or category name */
	readonly inOther: readonly Int32Array[];
};

/** Query words this long or longer may carry one typo. */
export const TYPO_MIN_LENGTH = 5;

// lowercase, without accents (é → e): how names are compared too (names.ts)
export { normalize };

/** The normalized words of a text: runs of letters and digits. */
export function wordsOf(text: string): string[] {
	return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
	const nameWords = new Map<string, number[]>();
	const otherWords = new Map<string, number[]>();
	const add = (into: Map<string, number[]>, text: string, item: number) => {
		for (const w of new Set(wordsOf(text))) {
			const list = into.get(w);
			if (list) list.push(item);
			else into.set(w, [item]);
		}
	};
	const sortKeys = items.map((it, i) => ({ key: wordsOf(it.name).join(' '), id: it.id, i }));
	items.forEach((it, i) => {
		add(nameWords, it.name, i);
		add(otherWords, `${it.stallName} ${it.categoryName}`, i);
	});
	const vocabulary = [...new Set([...nameWords.keys(), ...otherWords.keys()])].sort();
	const nameRank = new Int32Array(items.length);
	sortKeys
		.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.id, b.id))
		.forEach((k, rank) => (nameRank[k.i] = rank));
	return {
		ids: items.map((it) => it.id),
		nameRank,
		vocabulary,
		inName: vocabulary.map((w) => Int32Array.from(nameWords.get(w) ?? [])),
		inOther: vocabulary.map((w) => Int32Array.from(otherWords.get(w) ?? []))
	};
}

// How one query word matched an item, best first.
const PREFIX_IN_NAME = 0;
const PREFIX_ELSEWHERE = 1;
const TYPO_IN_NAME = 2;
const TYPO_ELSEWHERE = 3;
const NO_MATCH = 255;

/**
 * The ids of the items matching every word of the query, best first: items
 * matched without a typo before those needing one; among them, items matched
 * by their own name before those matched through their stall or category;
 * then by name. An empty query matches nothing.
 */
export function search(index: SearchIndex, query: string, limit = Infinity): string[] {
	const queryWords = wordsOf(query);
	const n = index.ids.length;
	if (queryWords.length === 0 || n === 0) return [];

	const perWord = queryWords.map((q) => matchWord(index, q));
	const hits: { item: number; tier: number }[] = [];
	for (let item = 0; item < n; item++) {
		let typo = false;
		let elsewhere = false;
		let matched = true;
		for (const marks of perWord) {
			const m = marks[item] as number;
			if (m === NO_MATCH) {
				matched = false;
				break;
			}
			if (m >= TYPO_IN_NAME) typo = true;
			if (m === PREFIX_ELSEWHERE || m === TYPO_ELSEWHERE) elsewhere = true;
		}
		if (matched) hits.push({ item, tier: (typo ? 2 : 0) + (elsewhere ? 1 : 0) });
	}
	hits.sort(
		(a, b) =>
			a.tier - b.tier || (index.nameRank[a.item] as number) - (index.nameRank[b.item] as number)
	);
	return hits.slice(0, limit).map((h) => index.ids[h.item] as string);
}

/** One byte per item: how well the query word q matched it. */
function matchWord(index: SearchIndex, q: string): Uint8Array {
	const marks = new Uint8Array(index.ids.length).fill(NO_MATCH);
	const mark = (list: Int32Array | undefined, how: number) => {
		if (!list) return;
		for (const item of list) if (how < (marks[item] as number)) marks[item] = how;
	};
	const { vocabulary } = index;
	// words starting with q sit together in the sorted vocabulary
	for (let i = lowerBound(vocabulary, q); i < vocabulary.length; i++) {
		if (!(vocabulary[i] as string).startsWith(q)) break;
		mark(index.inName[i], PREFIX_IN_NAME);
		mark(index.inOther[i], PREFIX_ELSEWHERE);
	}
	if (q.length >= TYPO_MIN_LENGTH) {
		for (let i = 0; i < vocabulary.length; i++) {
			const w = vocabulary[i] as string;
			if (w.length >= q.length - 1 && !w.startsWith(q) && prefixWithinOneEdit(q, w)) {
				mark(index.inName[i], TYPO_IN_NAME);
				mark(index.inOther[i], TYPO_ELSEWHERE);
			}
		}
	}
	return marks;
}

/**
 * Whether q is one edit (insertion, deletion, substitution, or transposition of
 * neighbours) away from a prefix of w: the word being typed may be unfinished.
 */
export function prefixWithinOneEdit(q: string, w: string): boolean {
	const n = q.length;
	if (n <= w.length && oneSubstitutionOrSwap(q, w, n)) return true;
	// a letter missing from q: q is w's prefix of n + 1 with one letter less
	if (n + 1 <= w.length && oneDeletion(w, n + 1, q)) return true;
	// a letter too many in q
	return n >= 2 && oneDeletion(q, n, w.slice(0, n - 1));
}

/** a and the first n letters of b differ in exactly one place or one swapped pair. */
function oneSubstitutionOrSwap(a: string, b: string, n: number): boolean {
	let i = 0;
	while (i < n && a[i] === b[i]) i++;
	if (i === n) return false; // equal: a prefix match, not a typo
	if (a.slice(i + 1, n) === b.slice(i + 1, n)) return true;
	return (
		i + 1 < n && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2, n) === b.slice(i + 2, n)
	);
}

/** Dropping one letter from the first `n` letters of long gives short. */
function oneDeletion(long: string, n: number, short: string): boolean {
	if (short.length !== n - 1) return false;
	let i = 0;
	while (i < n - 1 && long[i] === short[i]) i++;
	return long.slice(i + 1, n) === short.slice(i);
}

function lowerBound(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid] as string) < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
