/**
 * Names in Indonesian order: case and accents aside ("Éka" with "eka"), numbers
 * by value ("Lapak 2" before "Lapak 10"), then by id so equal names keep one
 * order. Done by hand, not with Intl.Collator: making a collator loads the
 * language's rules, 25–40 ms of a start-up's thread here (four times that on a
 * slow phone), the moment the home page first sorts its stalls.
 */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Two names compared as byName does, without ids: 0 when they differ only in case or accents. */
export function compareNames(a: string, b: string): number {
	return compareNatural(folded(a), folded(b));
}

/** Lowercase, without accents (é → e), for comparing what people type (search.ts) and names. */
export function normalize(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Folded names, kept: a sort compares each name many times. */
const folds = new Map<string, string>();
const FOLDS_KEPT = 20_000;

function folded(name: string): string {
	let key = folds.get(name);
	if (key === undefined) {
		// most names are plain ASCII: only others pay for the decomposition
		key = (/[^\x20-\x7e]/.test(name) ? normalize(name) : name.toLowerCase()).trim();
		if (folds.size >= FOLDS_KEPT) folds.clear();
		folds.set(name, key);
	}
	return key;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Character by character, except that runs of digits compare by their value. */
function compareNatural(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		if (isDigit(ca) && isDigit(cb)) {
			// the runs without leading zeros: a longer one is the larger number
			while (a.charCodeAt(i) === 48 && isDigit(a.charCodeAt(i + 1))) i++;
			while (b.charCodeAt(j) === 48 && isDigit(b.charCodeAt(j + 1))) j++;
			let ei = i;
			let ej = j;
			while (isDigit(a.charCodeAt(ei))) ei++;
			while (isDigit(b.charCodeAt(ej))) ej++;
			if (ei - i !== ej - j) return ei - i < ej - j ? -1 : 1;
			for (; i < ei; i++, j++) {
				const d = a.charCodeAt(i) - b.charCodeAt(j);
				if (d !== 0) return d < 0 ? -1 : 1;
			}
			continue;
		}
		if (ca !== cb) return ca < cb ? -1 : 1;
		i++;
		j++;
	}
	const left = a.length - i - (b.length - j);
	return left < 0 ? -1 : left > 0 ? 1 : 0;
}
