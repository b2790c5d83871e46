import { describe, expect, it } from 'vitest';
import {
	buildSearchIndex,
	normalize,
	prefixWithinOneEdit,
	search,
	type SearchItem
} from './search';
import { loadVectors } from './vectors';

type SearchVectors = {
	items: SearchItem[];
	cases: { query: string; expected: string[]; why: string }[];
};

describe('search.json (shared vectors)', () => {
	const { items, cases } = loadVectors<SearchVectors>('search.json');
	const index = buildSearchIndex(items);

	it('has cases', () => expect(cases.length).toBeGreaterThan(10));

	it.each(cases)('"$query" → $expected ($why)', (c) => {
		expect(search(index, c.query)).toEqual(c.expected);
	});
});

describe('search', () => {
	it('ignores case and accents on both sides', () => {
		expect(normalize('Crème BRÛLÉE')).toBe('creme brulee');
	});

	it('forgives exactly one edit against a prefix of the word being typed', () => {
		expect(prefixWithinOneEdit('kripik', 'keripik')).toBe(true); // a letter missing
		expect(prefixWithinOneEdit('kripi', 'keripik')).toBe(true); // still typing
		expect(prefixWithinOneEdit('keripik', 'kripik')).toBe(true); // a letter too many
		expect(prefixWithinOneEdit('kerupik', 'keripik')).toBe(true); // a wrong letter
		expect(prefixWithinOneEdit('kerpiik', 'keripik')).toBe(true); // two swapped
		expect(prefixWithinOneEdit('krupuk', 'keripik')).toBe(false); // two edits
	});

	it('stops at the limit, best first', () => {
		const items = ['Kopi A', 'Kopi B', 'Kopi C'].map((name, i) => ({
			id: `k${i}`,
			name,
			stallName: '',
			categoryName: ''
		}));
		expect(search(buildSearchIndex(items), 'kopi', 2)).toEqual(['k0', 'k1']);
	});

	it('finds nothing in an empty catalog', () => {
		expect(search(buildSearchIndex([]), 'kopi')).toEqual([]);
	});

	it('prints the time per keystroke over 10,000 products (measured, not asserted)', () => {
		const items = syntheticCatalog(10_000);
		const t0 = performance.now();
		const index = buildSearchIndex(items);
		const buildMs = performance.now() - t0;

		const typed = ['kripik tempe', 'kopi dampit bubuk', 'topeng malangan', 'batiik', 'gula aren'];
		const times: number[] = [];
		let found = 0;
		for (let round = 0; round < 5; round++) {
			for (const query of typed) {
				for (let n = 1; n <= query.length; n++) {
					const t = performance.now();
					found += search(index, query.slice(0, n), 50).length;
					times.push(performance.now() - t);
				}
			}
		}
		times.sort((a, b) => a - b);
		const p = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2);
		console.log(
			`search over ${items.length} products (${index.vocabulary.length} distinct words): ` +
				`index built in ${buildMs.toFixed(0)} ms; ` +
				`per keystroke p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms (${times.length} keystrokes)`
		);
		expect(found).toBeGreaterThan(0);
	});
});

/** Products named like the demo city's, from a fixed seed (same catalog every run). */
function syntheticCatalog(n: number): SearchItem[] {
	const things = [
		'Keripik',
		'Kripik',
		'Kopi',
		'Topeng',
		'Batik',
		'Gula',
		'Apel',
		'Tempe',
		'Sambal',
		'Bakso',
		'Kemeja',
		'Tas',
		'Sandal',
		'Kue',
		'Jamu',
		'Teh',
		'Madu',
		'Dodol',
		'Rengginang',
		'Anyaman',
		'Vas',
		'Piring',
		'Gamis',
		'Jilbab',
		'Sarung',
		'Bros',
		'Lampu',
		'Kursi',
		'Meja',
		'Keset'
	];
	const kinds = [
		'Tempe',
		'Dampit',
		'Malangan',
		'Celaket',
		'Aren',
		'Manalagi',
		'Balado',
		'Original',
		'Pedas',
		'Manis',
		'Tulis',
		'Cap',
		'Rotan',
		'Bambu',
		'Kulit',
		'Tenun',
		'Kayu',
		'Keramik',
		'Jahe',
		'Kunyit',
		'Pandan',
		'Durian',
		'Nangka',
		'Salak',
		'Bubuk',
		'Sangrai',
		'Robusta',
		'Arabika'
	];
	const sizes = [
		'100 g',
		'250 g',
		'500 g',
		'1 kg',
		'Kecil',
		'Sedang',
		'Besar',
		'Paket',
		'Isi 10',
		''
	];
	const places = [
		'Sanan',
		'Dampit',
		'Polowijen',
		'Jodipan',
		'Celaket',
		'Sukun',
		'Klojen',
		'Tlogomas'
	];
	const owners = ['Bu Sri', 'Pak Slamet', 'Bu Rohani', 'Mas Agus', 'Mbak Nur', 'Pak Tri'];
	const categories = [
		'Makanan Ringan',
		'Minuman',
		'Kerajinan',
		'Busana',
		'Sayur & Buah',
		'Perabot'
	];
	let seed = 42;
	const pick = <T>(list: T[]): T => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return list[seed % list.length] as T;
	};
	// made-up brand words keep the vocabulary as varied as a real catalog's
	const syllables = [
		'ba',
		'ri',
		'ka',
		'ng',
		'su',
		'mo',
		'te',
		'lo',
		'wi',
		'ja',
		'dan',
		'pur',
		'sa'
	];
	const brand = () => `${pick(syllables)}${pick(syllables)}${pick(syllables)}${pick(syllables)}`;
	return Array.from({ length: n }, (_, i) => ({
		id: `p${String(i).padStart(14, '0')}`,
		name: `${pick(things)} ${brand()} ${pick(kinds)} ${pick(sizes)}`.trim(),
		stallName: `${pick(things)} ${pick(places)} ${pick(owners)}`,
		categoryName: pick(categories)
	}));
}
