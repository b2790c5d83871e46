import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	categoryProductsPath,
	categoryRecordPath,
	fetchCategoryRecords,
	type CategoryFilter
} from './category-records';
import { testId, wire } from '$lib/testing/memory-catalog';

const at = '2026-11-29 02:40:00.000Z';
const C1 = testId('cat', 1);
const S1 = testId('stall', 1);
const category = (extra: Record<string, unknown> = {}) =>
	wire.category(C1, 'Kriya', 1, { name_en: 'Crafts', updated: at, ...extra });
const stall = wire.stall(S1, 'Topeng Bu Sri', 'klojen', { updated: at });
const product = (n: number, name: string, extra: Record<string, unknown> = {}) => ({
	...wire.product(testId('prod', n), S1, C1, name, 25_000, { updated: at }),
	expand: { stall, category: category() },
	...extra
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const byName: CategoryFilter = { sort: 'name', perPage: 24 };

describe("a category's first page read from the server (before the catalog is on the device)", () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is one list request: the products that fit, each with its stall, the category, and the count less misfits', async () => {
		const fetchMock = vi.fn(async () =>
			json({
				items: [product(1, 'Topeng Panji'), product(2, 'Topeng Klana', { price: 'mahal' })],
				totalItems: 40
			})
		);
		vi.stubGlobal('fetch', fetchMock);
		const got = await fetchCategoryRecords(C1, byName);
		if (!got || got === 'missing') throw new Error(`expected records, got ${got}`);
		expect(got.category).toMatchObject({ id: C1, name: 'Kriya', nameEn: 'Crafts' });
		expect(got.products.map((r) => [r.product.id, r.stall.name])).toEqual([
			[testId('prod', 1), 'Topeng Bu Sri']
		]);
		expect(got.total).toBe(39);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(fetchMock).toHaveBeenCalledWith(categoryProductsPath(C1, byName), expect.anything());
	});

	it('asks for the category itself only when it lists nothing, and says whether it is there', async () => {
		const answers = (record: Response) =>
			vi.fn(async (url: string) =>
				url.startsWith('/api/collections/categories/') ? record : json({ items: [], totalItems: 0 })
			);
		let fetchMock = answers(json(category()));
		vi.stubGlobal('fetch', fetchMock);
		expect(await fetchCategoryRecords(C1, byName)).toMatchObject({ products: [], total: 0 });
		expect(fetchMock).toHaveBeenLastCalledWith(categoryRecordPath(C1), expect.anything());

		fetchMock = answers(json({}, 404));
		vi.stubGlobal('fetch', fetchMock);
		expect(await fetchCategoryRecords(C1, byName)).toBe('missing');

		// an inactive category is not listed, as on the device
		vi.stubGlobal('fetch', answers(json(category({ active: false }))));
		expect(await fetchCategoryRecords(C1, byName)).toBe('missing');
		vi.stubGlobal(
			'fetch',
			vi.fn(async () =>
				json({
					items: [
						product(1, 'Topeng Panji', {
							expand: { stall, category: category({ active: false }) }
						})
					],
					totalItems: 1
				})
			)
		);
		expect(await fetchCategoryRecords(C1, byName)).toBe('missing');
	});

	it('is null when the server cannot say, and missing for an id that is none', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({}, 503))
		);
		expect(await fetchCategoryRecords(C1, byName)).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({ items: 'no' }))
		);
		expect(await fetchCategoryRecords(C1, byName)).toBeNull();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		expect(await fetchCategoryRecords(C1, byName)).toBeNull();
		const never = vi.fn();
		vi.stubGlobal('fetch', never);
		expect(await fetchCategoryRecords('c 1"||1=1', byName)).toBe('missing');
		expect(never).not.toHaveBeenCalled();
	});

	it('filters and sorts as the page asks, listing what the device lists; the id stays writable as `$1`', () => {
		const path = categoryProductsPath(C1, {
			kecamatan: 'klojen',
			sort: 'price_desc',
			perPage: 24
		});
		const url = new URL(path, 'http://x');
		expect(url.pathname).toBe('/api/collections/products/records');
		expect(url.searchParams.get('filter')).toBe(
			`category="${C1}" && active=true && stall.verification="verified" && stall.kecamatan="klojen"`
		);
		expect(url.searchParams.get('sort')).toBe('-price,sort_name,id');
		expect(url.searchParams.get('perPage')).toBe('24');
		expect(url.searchParams.get('expand')).toBe('stall,category');
		// the build writes the route's request with `$1` for the first paint to fill in
		expect(categoryProductsPath('$1', byName)).toContain('category%3D%22$1%22');
		expect(categoryProductsPath('$1', byName).replace('$1', C1)).toBe(
			categoryProductsPath(C1, byName)
		);
	});
});
