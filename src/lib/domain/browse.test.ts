import { describe, expect, it } from 'vitest';
import {
	categoryColour,
	filterParams,
	initialsOf,
	isKecamatan,
	kecamatanFromParam,
	pickAcrossStalls,
	shuffledBy,
	sortFromParam,
	sortToParam
} from './browse';

describe('sort and kecamatan in the address', () => {
	it('reads the Indonesian words, and falls back for the rest', () => {
		expect(sortFromParam('termurah', 'name')).toBe('price_asc');
		expect(sortFromParam('termahal', 'name')).toBe('price_desc');
		expect(sortFromParam('nama', 'relevance')).toBe('name');
		expect(sortFromParam('relevan', 'name')).toBe('relevance');
		expect(sortFromParam(null, 'relevance')).toBe('relevance');
		expect(sortFromParam('price_asc', 'name')).toBe('name');
		expect(sortToParam('price_asc')).toBe('termurah');
	});

	it('knows the five kecamatan, lowercase', () => {
		expect(kecamatanFromParam('klojen')).toBe('klojen');
		expect(kecamatanFromParam('Klojen')).toBeUndefined();
		expect(kecamatanFromParam(null)).toBeUndefined();
		expect(isKecamatan('sukun')).toBe(true);
		expect(isKecamatan(7)).toBe(false);
	});

	it('writes filters into the params, leaving defaults and empties out', () => {
		const start = new URLSearchParams('q=kopi&urut=termahal');
		expect(filterParams(start, { kecamatan: 'sukun' }, 'relevance').toString()).toBe(
			'q=kopi&urut=termahal&kecamatan=sukun'
		);
		expect(filterParams(start, { sort: 'relevance' }, 'relevance').toString()).toBe('q=kopi');
		expect(filterParams(start, { sort: 'price_asc', category: 'abc' }, 'name').toString()).toBe(
			'q=kopi&urut=termurah&kategori=abc'
		);
		expect(filterParams(start, { query: ' kopi dam ' }, 'relevance').toString()).toBe(
			'q=kopi+dam&urut=termahal'
		);
		expect(filterParams(start, { query: '' }, 'relevance').toString()).toBe('urut=termahal');
		const filtered = new URLSearchParams('kecamatan=sukun&kategori=abc');
		expect(filterParams(filtered, { kecamatan: '', category: '' }, 'name').toString()).toBe('');
		// the old params are not changed
		expect(start.toString()).toBe('q=kopi&urut=termahal');
	});
});

describe('initialsOf', () => {
	it.each([
		['Keripik Tempe Sanan Original', 'KT'],
		['Sapu', 'SA'],
		['Gamis & Jilbab', 'GJ'],
		['  éclair  manis', 'ÉM'],
		['3 in 1', '3I'],
		['—', '?']
	])('%s → %s', (name, initials) => {
		expect(initialsOf(name)).toBe(initials);
	});
});

describe('categoryColour', () => {
	it('has a colour for each of the city categories, and makes one for others', () => {
		expect(categoryColour('kriya')).toMatch(/^#[0-9a-f]{6}$/);
		expect(categoryColour('baru')).toMatch(/^hsl\(\d+ 55% 35%\)$/);
		expect(categoryColour('baru')).toBe(categoryColour('baru'));
		expect(categoryColour(undefined)).toMatch(/^#/);
	});
});

describe('pickAcrossStalls', () => {
	const p = (id: string, stall: string, soldOut = false) => ({ id, stall, soldOut });

	it('takes one product per stall in turn, sold-out ones last', () => {
		const products = [
			p('a1', 'a', true),
			p('a2', 'a'),
			p('a3', 'a'),
			p('b1', 'b'),
			p('c1', 'c', true)
		];
		expect(pickAcrossStalls(products, 4).map((x) => x.id)).toEqual(['a2', 'b1', 'a3', 'a1']);
		expect(pickAcrossStalls(products, 10).map((x) => x.id)).toEqual(['a2', 'b1', 'a3', 'a1', 'c1']);
		expect(pickAcrossStalls([], 3)).toEqual([]);
	});
});

describe('shuffledBy', () => {
	const items = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}` }));

	it('is the same for one seed, different for another, and loses nothing', () => {
		const a = shuffledBy(items, '2026-11-28').map((x) => x.id);
		expect(shuffledBy(items, '2026-11-28').map((x) => x.id)).toEqual(a);
		expect(shuffledBy(items, '2026-11-29').map((x) => x.id)).not.toEqual(a);
		expect(a).not.toEqual(items.map((x) => x.id));
		expect([...a].sort()).toEqual(items.map((x) => x.id).sort());
	});
});
