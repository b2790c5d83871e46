import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchStallRecords, stallRecordsPath } from './stall-records';

const at = '2026-11-28 10:59:30.022Z';
const category = {
	id: 'c1',
	slug: 'kriya',
	name: 'Kriya',
	name_en: 'Crafts',
	sort: 1,
	active: true,
	updated: at
};
const product = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
	id,
	stall: 's1',
	category: 'c1',
	name,
	description: '',
	unit: 'pcs',
	price: 25000,
	stock: 2,
	image: '',
	active: true,
	updated: at,
	expand: { category },
	...extra
});
const stall = {
	id: 's1',
	name: 'Topeng Bu Sri',
	slug: 'topeng-bu-sri',
	owner_name: 'Sri',
	description: '',
	address: 'Jl. Ijen 1',
	kecamatan: 'klojen',
	categories: ['c1'],
	hours: { open: '08:00', close: '16:00', days: [1, 2, 3, 4, 5] },
	is_open: false,
	verification: 'verified',
	updated: at,
	expand: {
		products_via_stall: [
			product('p1', 'Topeng Panji'),
			product('p2', 'Topeng Klana', { price: 'mahal' }),
			product('p3', 'Topeng Lama', { active: false })
		]
	}
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe("a stall's records read from the server (a first visit to its link)", () => {
	afterEach(() => vi.unstubAllGlobals());

	it('are the stall, its products that fit (inactive ones too) and their categories, in one request', async () => {
		const fetchMock = vi.fn(async () => json(stall));
		vi.stubGlobal('fetch', fetchMock);
		const got = await fetchStallRecords('s1');
		expect(got).not.toBe('missing');
		if (!got || got === 'missing') return;
		expect(got.stall).toMatchObject({ name: 'Topeng Bu Sri', isOpen: false });
		// the one that does not fit its schema is left out, as the pull leaves it out
		expect(got.products.map((p) => p.id)).toEqual(['p1', 'p3']);
		expect(got.categories.map((c) => c.id)).toEqual(['c1']);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(fetchMock).toHaveBeenCalledWith(stallRecordsPath('s1'), expect.anything());
	});

	it("are 'missing' for a stall the server does not list, and null when it cannot say", async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({}, 404))
		);
		expect(await fetchStallRecords('s1')).toBe('missing');
		expect(await fetchStallRecords('S 1')).toBe('missing');
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({}, 503))
		);
		expect(await fetchStallRecords('s1')).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({ ...stall, kecamatan: 'jakarta' }))
		);
		expect(await fetchStallRecords('s1')).toBeNull();
	});
});
