import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Product } from '$lib/api/catalog-records';
import { writeChunk } from '$lib/db/catalog-store';
import { MalproDB } from '$lib/db/schema';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import type { ChunkWrite } from './chunk-writer';
import { writeChunkIdb } from './chunk-writer';
import { pullCatalog } from './pull';

let n = 0;
const device = () =>
	new MalproDB(`chunk-writer-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });

const product = (i: number, updated: string, price = 1000): Product => ({
	id: testId('prod', i),
	stall: testId('stall', 1),
	category: testId('cat', 1),
	name: `Produk ${i}`,
	description: '',
	unit: 'pcs',
	price,
	stock: 5,
	image: '',
	active: true,
	updated
});
const T1 = '2026-11-28 01:00:00.000Z';
const T2 = '2026-11-28 02:00:00.000Z';

/** The same writes through Dexie and through plain IndexedDB: the same rows, cursors and results. */
async function both(writes: ChunkWrite[]) {
	const [dexie, plain] = [device(), device()];
	await Promise.all([dexie.open(), plain.open()]);
	const results = { dexie: [] as unknown[], plain: [] as unknown[] };
	for (const w of writes) {
		results.dexie.push(
			await writeChunk(dexie, w.collection, w.rows, w.cursor, new Set(w.held), w.fresh)
		);
		results.plain.push(await writeChunkIdb(plain.backendDB(), w));
	}
	const state = async (db: MalproDB) => ({
		products: await db.products.toArray(),
		cursors: await db.cursors.toArray()
	});
	return { results, dexie: await state(dexie), plain: await state(plain) };
}

describe('writeChunkIdb (the worker’s writes)', () => {
	it('writes as writeChunk does: fresh rows, unchanged and changed ones, held ids on the cursor', async () => {
		const cursor = (id: number, updated: string) => ({
			updated,
			id: testId('prod', id),
			readAt: T2,
			settledAt: T1
		});
		const { results, dexie, plain } = await both([
			{
				collection: 'products',
				rows: [product(1, T1), product(2, T1), product(3, T1)],
				cursor: cursor(3, T1),
				held: [],
				fresh: true
			},
			// 1 unchanged, 2 changed, 4 new, 3 held for an unsent change
			{
				collection: 'products',
				rows: [product(1, T1), product(2, T2, 999), product(3, T2, 5), product(4, T2)],
				cursor: cursor(4, T2),
				held: [testId('prod', 3)],
				fresh: false
			},
			// a side read: the cursor stays, the held id is kept
			{
				collection: 'products',
				rows: [product(5, T2), product(3, T2, 7)],
				cursor: null,
				held: [testId('prod', 3)],
				fresh: false
			}
		]);
		expect(results.plain).toEqual(results.dexie);
		expect(results.plain[1]).toEqual({
			written: 2,
			unchanged: 1,
			held: 1,
			added: [testId('prod', 4)]
		});
		expect(plain).toEqual(dexie);
		expect(plain.cursors).toEqual([
			{ coll: 'products', ...cursor(4, T2), held: [testId('prod', 3)] }
		]);
		expect(plain.products.find((p) => p.id === testId('prod', 3))?.price).toBe(1000);
	});

	it('pulls a whole catalog as the Dexie writes do', async () => {
		const server = new MemoryCatalog();
		server.put('categories', wire.category(testId('cat', 1), 'Makanan', 1));
		server.put('stalls', wire.stall(testId('stall', 1), 'Keripik Tempe Sanan', 'blimbing'));
		for (let i = 0; i < 730; i++) {
			server.put(
				'products',
				wire.product(testId('prod', i), testId('stall', 1), testId('cat', 1), `P ${i}`, 100 + i)
			);
			if (i % 10 === 9) server.tick();
		}
		server.tick(5000);
		const [a, b] = [device(), device()];
		await b.open();
		const viaDexie = await pullCatalog({ db: a, transport: server.transport(), now: () => 1 });
		const viaIdb = await pullCatalog({
			db: b,
			transport: server.transport(),
			now: () => 1,
			writer: (w) => writeChunkIdb(b.backendDB(), w)
		});
		expect(viaIdb.written).toEqual(viaDexie.written);
		expect(await b.products.toArray()).toEqual(await a.products.toArray());
		expect(await b.cursors.toArray()).toEqual(await a.cursors.toArray());
		// 100, then 200 at a time: fewer transactions than on the page's thread (25)
		expect(viaIdb.chunks).toBeLessThan(viaDexie.chunks);
	});
});
