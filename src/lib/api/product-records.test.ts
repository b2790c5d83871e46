import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchProductRecords, productRecordsPath } from './product-records';

const at = '2026-11-28 10:59:30.022Z';
const record = {
	id: 'p1',
	stall: 's1',
	category: 'c1',
	name: 'Keripik Tempe',
	description: '',
	unit: 'bungkus',
	price: 12500,
	stock: 3,
	image: '',
	active: true,
	updated: at,
	expand: {
		stall: {
			id: 's1',
			name: 'Lapak Bu Sri',
			slug: 'lapak-bu-sri',
			owner_name: 'Sri',
			description: '',
			address: 'Jl. Ijen 1',
			kecamatan: 'klojen',
			categories: ['c1'],
			hours: { open: '08:00', close: '16:00', days: [1, 2, 3, 4, 5] },
			is_open: true,
			verification: 'verified',
			updated: at
		},
		category: {
			id: 'c1',
			slug: 'makanan-minuman',
			name: 'Makanan & Minuman',
			name_en: 'Food & Drinks',
			sort: 1,
			active: true,
			updated: at
		}
	}
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe("a product's records read from the server (a first visit to its link)", () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		delete (globalThis as { __malproEarly?: unknown }).__malproEarly;
	});

	it('are the product, its stall and its category, through the pull’s schemas', async () => {
		const fetchMock = vi.fn(async () => json(record));
		vi.stubGlobal('fetch', fetchMock);
		const got = await fetchProductRecords('p1');
		expect(got).toMatchObject({
			product: { id: 'p1', price: 12500, listedStall: 's1' },
			stall: { name: 'Lapak Bu Sri', isOpen: true },
			category: { slug: 'makanan-minuman' }
		});
		expect(fetchMock).toHaveBeenCalledWith(productRecordsPath('p1'), expect.anything());
	});

	it('take the first paint’s early answer once, for this product only', async () => {
		const fetchMock = vi.fn(async () => json(record));
		vi.stubGlobal('fetch', fetchMock);
		const early = { path: productRecordsPath('p1'), response: Promise.resolve(json(record)) };
		(globalThis as { __malproEarly?: unknown }).__malproEarly = early;
		expect(await fetchProductRecords('p2')).not.toBeNull();
		expect(fetchMock).toHaveBeenCalledTimes(1); // p2 was asked: p1's answer is not p2's
		expect(await fetchProductRecords('p1')).not.toBeNull();
		expect(fetchMock).toHaveBeenCalledTimes(1); // p1's came early
		await fetchProductRecords('p1');
		expect(fetchMock).toHaveBeenCalledTimes(2); // and only once
	});

	it("are 'missing' when the server lists no such product, or the id is no record id", async () => {
		const fetchMock = vi.fn(async () => json({ message: 'not found' }, 404));
		vi.stubGlobal('fetch', fetchMock);
		expect(await fetchProductRecords('p1')).toBe('missing');
		expect(await fetchProductRecords('../orders')).toBe('missing');
		expect(fetchMock).toHaveBeenCalledTimes(1);
	});

	it('are null when the server cannot say: an error, no network, an answer that does not fit', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({}, 500))
		);
		expect(await fetchProductRecords('p1')).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(new TypeError('offline')))
		);
		expect(await fetchProductRecords('p1')).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({ ...record, price: 12.5 }))
		);
		expect(await fetchProductRecords('p1')).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({ ...record, expand: {} }))
		);
		expect(await fetchProductRecords('p1')).toBeNull();
	});
});
