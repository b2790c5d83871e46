import { describe, expect, it } from 'vitest';
import { listPath, pageFilter, productImageUrl } from './catalog';
import { parseRecord } from './catalog-records';

const T = '2026-11-28 01:00:00.123Z';

describe('the catalog list request', () => {
	it('pages by keyset: after (updated, id), ties included when the id is empty', () => {
		const q = { collection: 'products' as const, limit: 500 };
		expect(pageFilter({ ...q, after: { updated: '', id: '' } })).toBe('');
		expect(pageFilter({ ...q, after: { updated: T, id: '' } })).toBe(`updated >= "${T}"`);
		expect(pageFilter({ ...q, after: { updated: T, id: 'abc' } })).toBe(
			`(updated > "${T}" || (updated = "${T}" && id > "abc"))`
		);
		expect(
			pageFilter({
				...q,
				after: { updated: T, id: '' },
				only: { field: 'stall', values: ['s1', 's"2'] }
			})
		).toBe(`(stall = "s1" || stall = "s\\"2") && updated >= "${T}"`);
	});

	it('asks for one page, sorted, without totals, with only the fields kept', () => {
		const url = new URL(
			listPath({ collection: 'stalls', limit: 500, after: { updated: T, id: 'x' } }),
			'http://x'
		);
		expect(url.pathname).toBe('/api/collections/stalls/records');
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			page: '1',
			perPage: '500',
			skipTotal: '1',
			sort: 'updated,id'
		});
		expect(url.searchParams.get('fields')).not.toContain('phone');
	});

	it('links a product picture and its thumbnails', () => {
		expect(productImageUrl({ id: 'p1', image: 'kopi_ab12.webp' }, '160x160')).toBe(
			'/api/files/products/p1/kopi_ab12.webp?thumb=160x160'
		);
		expect(productImageUrl({ id: 'p1', image: '' })).toBeNull();
	});
});

describe('catalog records', () => {
	const stall = {
		id: 'stallsanan00001',
		name: 'Keripik Tempe Sanan',
		slug: 'keripik-tempe-sanan',
		owner_name: 'Sri Wahyuni',
		description: '',
		address: 'Jl. Sanan No. 12',
		kecamatan: 'blimbing',
		categories: ['catmakanan00001'],
		hours: { open: '07:00', close: '17:00', days: [1, 2, 3] },
		is_open: true,
		verification: 'verified',
		updated: T,
		collectionName: 'stalls'
	};

	it('are read into the rows the device keeps', () => {
		expect(parseRecord('stalls', stall)).toEqual({
			id: 'stallsanan00001',
			name: 'Keripik Tempe Sanan',
			slug: 'keripik-tempe-sanan',
			ownerName: 'Sri Wahyuni',
			description: '',
			address: 'Jl. Sanan No. 12',
			kecamatan: 'blimbing',
			categories: ['catmakanan00001'],
			hours: { open: '07:00', close: '17:00', days: [1, 2, 3] },
			isOpen: true,
			verification: 'verified',
			updated: T
		});
	});

	it('keep a stall whose hours are odd, without them', () => {
		expect(parseRecord('stalls', { ...stall, hours: 'pagi' })?.hours).toBeNull();
	});

	it('refuse what does not fit', () => {
		expect(parseRecord('stalls', { ...stall, kecamatan: 'batu' })).toBeNull();
		expect(parseRecord('stalls', { ...stall, updated: '2026-11-28T01:00:00Z' })).toBeNull();
		expect(parseRecord('products', { id: 'p', price: 1.5 })).toBeNull();
		expect(
			parseRecord('tombstones', { id: 't', coll: 'products', record: 'p', updated: T })
		).toEqual({
			id: 't',
			coll: 'products',
			record: 'p',
			updated: T
		});
	});
});
