import { describe, expect, it } from 'vitest';
import vectors from '../../../tests/vectors/names.json';
import { byName, compareNames } from './names';

const named = (name: string, id = name) => ({ name, id });
const order = (names: string[]) =>
	names
		.map((n) => named(n))
		.sort(byName)
		.map((n) => n.name);

describe('byName', () => {
	it('ignores case and accents', () => {
		expect(compareNames('Kopi Dampit', 'kopi dampit')).toBe(0);
		expect(compareNames('Éka Batik', 'eka batik')).toBe(0);
		expect(order(['warung Bu Sri', 'Apel Malang', 'Été', 'batik'])).toEqual([
			'Apel Malang',
			'batik',
			'Été',
			'warung Bu Sri'
		]);
	});

	it('orders numbers by value, leading zeros aside', () => {
		expect(order(['Lapak 10', 'Lapak 2', 'Lapak 1', 'Lapak 002b', 'Lapak 02'])).toEqual([
			'Lapak 1',
			'Lapak 02',
			'Lapak 2',
			'Lapak 002b',
			'Lapak 10'
		]);
		expect(compareNames('Kios 9', 'Kios 10')).toBe(-1);
		expect(compareNames('Kios 100', 'Kios 99')).toBe(1);
	});

	it('puts a name before the longer names it starts', () => {
		expect(order(['Keripik Tempe Super', 'Keripik', 'Keripik Tempe'])).toEqual([
			'Keripik',
			'Keripik Tempe',
			'Keripik Tempe Super'
		]);
	});

	it('keeps equal names in the order of their ids', () => {
		const a = named('Toko Murah', 'b2');
		const b = named('toko murah', 'a1');
		expect([a, b].sort(byName)).toEqual([b, a]);
		expect(byName(a, a)).toBe(0);
	});

	it('agrees with the Indonesian collator on plain names', () => {
		const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });
		const names = [
			'Warung 12',
			'warung 3',
			'Bakso Cak Man',
			'bakso',
			'Zaitun',
			'Ayam Geprek 7',
			'ayam geprek 10'
		];
		const sign = (n: number) => Math.sign(n);
		for (const x of names)
			for (const y of names)
				expect([x, y, compareNames(x, y)]).toEqual([x, y, sign(collator.compare(x, y))]);
	});

	it('follows the shared vectors (the server orders the first screen by them too)', () => {
		for (const { a, b, order } of vectors.cases) {
			expect([a, b, compareNames(a, b)]).toEqual([a, b, order]);
			expect([b, a, compareNames(b, a)]).toEqual([b, a, -order || 0]);
		}
		for (const list of vectors.sorted) {
			expect(order([...list].reverse())).toEqual(list);
		}
	});
});
