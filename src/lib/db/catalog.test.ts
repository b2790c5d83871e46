import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullCatalog } from '$lib/sync/pull';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import {
	browseProducts,
	deliveryOpds,
	listCategories,
	listedCards,
	listStalls,
	productById,
	productCards,
	productCounts,
	searchItems,
	stallWithProducts
} from './catalog';
import { MalproDB } from './schema';

const SNACK = testId('catsnack', 1);
const DRINK = testId('catdrink', 1);
const OLD = testId('catold', 1);
const SANAN = testId('stallsanan', 1);
const DAMPIT = testId('stalldampit', 1);
const CLOSED = testId('stallclosed', 1);
const SUSPENDED = testId('stallsusp', 1);
const p = (n: number) => testId('prod', n);

const db = new MalproDB('catalog-queries', { indexedDB: new IDBFactory(), IDBKeyRange });

beforeAll(async () => {
	const server = new MemoryCatalog();
	server.put('categories', wire.category(DRINK, 'Minuman', 2));
	server.put('categories', wire.category(SNACK, 'Makanan Ringan', 1));
	server.put('categories', wire.category(OLD, 'Lama', 0, { active: false }));
	server.put('opds', wire.opd(testId('opd', 1), 'Dinas Pendidikan'));
	server.put('opds', { ...wire.opd(testId('opd', 2), 'Badan Lama'), active: false });
	server.put('stalls', wire.stall(SANAN, 'Keripik Tempe Sanan', 'blimbing'));
	server.put('stalls', wire.stall(DAMPIT, 'Kopi Dampit', 'kedungkandang'));
	server.put('stalls', wire.stall(CLOSED, 'Anyaman Rotan', 'blimbing', { is_open: false }));
	server.put('stalls', wire.stall(SUSPENDED, 'Ditangguhkan', 'blimbing'));
	server.put('products', wire.product(p(1), SANAN, SNACK, 'Keripik Tempe Original', 15_000));
	server.put(
		'products',
		wire.product(p(2), SANAN, SNACK, 'Keripik Tempe Balado', 17_500, { stock: 0 })
	);
	server.put('products', wire.product(p(3), DAMPIT, DRINK, 'Kopi Dampit Bubuk', 45_000));
	server.put('products', wire.product(p(4), DAMPIT, SNACK, 'Biskuit Kopi', 12_000));
	server.put('products', wire.product(p(5), CLOSED, SNACK, 'Anyaman Camilan', 12_000));
	server.put(
		'products',
		wire.product(p(6), SANAN, SNACK, 'Tidak dijual', 1_000, { active: false })
	);
	server.put('products', wire.product(p(7), SUSPENDED, SNACK, 'Hilang', 1_000));
	await pullCatalog({ db, transport: server.transport() });
	// a row the server no longer shows, still on the device for a moment
	await db.stalls.update(SUSPENDED, { verification: 'suspended' });
});

describe('catalog queries for the pages', () => {
	it('counts the listed products per category and per stall, as the pages list them', async () => {
		// SNACK: p1, p2 (sold out: listed), p4, p5 (closed stall: listed); not p6 (inactive);
		// p7 until its stall's tombstone arrives (the server no longer shows the stall)
		expect(await productCounts(db, 'category', [SNACK, DRINK, OLD])).toEqual([5, 1, 0]);
		expect(await productCounts(db, 'stall', [SANAN, DAMPIT, CLOSED])).toEqual([2, 2, 1]);
		expect(await productCounts(db, 'stall', [])).toEqual([]);
		// a product made inactive leaves the counts, and comes back when active again
		const p1 = (await db.products.get(p(1)))!;
		const { listedCategory, listedStall, ...plain } = p1;
		expect([listedCategory, listedStall]).toEqual([SNACK, SANAN]);
		await db.products.put({ ...plain, active: false });
		expect(await productCounts(db, 'stall', [SANAN])).toEqual([1]);
		await db.products.put(p1);
		expect(await productCounts(db, 'stall', [SANAN])).toEqual([2]);
	});

	it('lists active categories in the city’s order, and active OPDs by name', async () => {
		expect((await listCategories(db)).map((c) => c.name)).toEqual(['Makanan Ringan', 'Minuman']);
		expect((await deliveryOpds(db)).map((o) => o.name)).toEqual(['Dinas Pendidikan']);
	});

	it('lists verified stalls of a kecamatan by name, closed ones too', async () => {
		const blimbing = await listStalls(db, 'blimbing');
		expect(blimbing.map((s) => [s.name, s.isOpen])).toEqual([
			['Anyaman Rotan', false],
			['Keripik Tempe Sanan', true]
		]);
		expect(await listStalls(db)).toHaveLength(3);
	});

	it('shows a stall with its active products, sold-out ones flagged', async () => {
		const page = await stallWithProducts(db, SANAN);
		expect(page?.stall.name).toBe('Keripik Tempe Sanan');
		expect(page?.products.map((x) => [x.name, x.soldOut])).toEqual([
			['Keripik Tempe Balado', true],
			['Keripik Tempe Original', false]
		]);
		expect(await stallWithProducts(db, SUSPENDED)).toBeNull();
		expect(await stallWithProducts(db, 'nosuchstall0001')).toBeNull();
	});

	it('shows a product with its stall and category; an inactive one says so', async () => {
		expect(await productById(db, p(3))).toMatchObject({
			name: 'Kopi Dampit Bubuk',
			stallName: 'Kopi Dampit',
			kecamatan: 'kedungkandang',
			categoryName: 'Minuman',
			stallOpen: true,
			soldOut: false
		});
		expect(await productById(db, p(6))).toMatchObject({ active: false });
		expect(await productById(db, p(7))).toBeNull();
	});

	it('browses a category by price or name, within a kecamatan', async () => {
		const names = async (...a: Parameters<typeof browseProducts>) =>
			(await browseProducts(...a)).map((x) => x.name);
		expect(await names(db, { category: SNACK, sort: 'price_asc' })).toEqual([
			'Anyaman Camilan', // 12,000, then by name
			'Biskuit Kopi',
			'Keripik Tempe Original',
			'Keripik Tempe Balado'
		]);
		expect(await names(db, { category: SNACK, sort: 'price_desc' })).toEqual([
			'Keripik Tempe Balado',
			'Keripik Tempe Original',
			'Anyaman Camilan',
			'Biskuit Kopi'
		]);
		expect(await names(db, { category: SNACK, kecamatan: 'blimbing', sort: 'name' })).toEqual([
			'Anyaman Camilan',
			'Keripik Tempe Balado',
			'Keripik Tempe Original'
		]);
		const closed = (await browseProducts(db, { kecamatan: 'blimbing' })).find((x) => x.id === p(5));
		expect(closed).toMatchObject({ stallOpen: false, soldOut: false });
		expect(await names(db, { kecamatan: 'kedungkandang' })).toEqual([
			'Biskuit Kopi',
			'Kopi Dampit Bubuk'
		]);
	});

	it('lists rows from the server as the device lists its own: same filter, same order', async () => {
		// a category's first page read from the server (src/lib/api/category-records.ts)
		const [products, stalls] = await Promise.all([
			db.products.where('category').equals(SNACK).toArray(),
			db.stalls.toArray()
		]);
		const stallById = new Map(stalls.map((s) => [s.id, s]));
		const rows = products
			.reverse()
			.map((product) => ({ product, stall: stallById.get(product.stall) }));
		for (const sort of ['name', 'price_asc', 'price_desc'] as const) {
			expect(listedCards(rows, sort)).toEqual(await browseProducts(db, { category: SNACK, sort }));
		}
		// a suspended stall's and an inactive product are left out
		expect(rows.length).toBeGreaterThan(listedCards(rows).length);
	});

	it('gives search the listed products with their stall and category names', async () => {
		const items = await searchItems(db);
		expect(items.map((i) => i.id).sort()).toEqual([p(1), p(2), p(3), p(4), p(5)]);
		expect(items.find((i) => i.id === p(3))).toEqual({
			id: p(3),
			name: 'Kopi Dampit Bubuk',
			stallName: 'Kopi Dampit',
			categoryName: 'Minuman'
		});
		expect((await productCards(db, [p(3), p(7), p(1)])).map((c) => c.id)).toEqual([p(3), p(1)]);
	});
});
