import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readCatalogMeta } from '$lib/db/catalog-store';
import { MalproDB } from '$lib/db/schema';
import { heldCatalogIds, type CatalogTouches } from '$lib/db/held';
import { writeWithMutation } from '$lib/db/outbox';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import type { CatalogTransport } from './catalog-types';
import { pullCatalog, type PullOptions } from './pull';

const CAT_SNACK = testId('catsnack', 1);
const CAT_DRINK = testId('catdrink', 1);
const SANAN = testId('stallsanan', 1);
const DAMPIT = testId('stalldampit', 1);

/** A server with a small city: 2 categories, 1 OPD, 2 stalls, `products` products. */
function city(products = 6): MemoryCatalog {
	const server = new MemoryCatalog();
	server.put('categories', wire.category(CAT_SNACK, 'Makanan Ringan', 1));
	server.put('categories', wire.category(CAT_DRINK, 'Minuman', 2));
	server.put('opds', wire.opd(testId('opd', 1), 'Dinas Komunikasi dan Informatika'));
	server.put('stalls', wire.stall(SANAN, 'Keripik Tempe Sanan', 'blimbing'));
	server.put('stalls', wire.stall(DAMPIT, 'Kopi Dampit', 'kedungkandang'));
	for (let i = 0; i < products; i++) {
		const stall = i % 2 ? DAMPIT : SANAN;
		server.put(
			'products',
			wire.product(testId('prod', i), stall, i % 2 ? CAT_DRINK : CAT_SNACK, `Produk ${i}`, 1000 + i)
		);
		if (i % 10 === 9) server.tick(); // ten rows per millisecond: ties everywhere
	}
	server.tick(5000);
	return server;
}

let n = 0;
/** A device: its own IndexedDB, with every write transaction recorded. */
function device() {
	const db = new MalproDB(`pull-test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const writes: string[][] = [];
	db.use({
		stack: 'dbcore',
		name: 'record-writes',
		create: (down) => ({
			...down,
			transaction: (stores, mode, options) => {
				if (mode === 'readwrite') writes.push([...stores].sort());
				return down.transaction(stores, mode, options);
			}
		})
	});
	return { db, writes };
}

const pull = (db: MalproDB, server: MemoryCatalog, extra: Partial<PullOptions> = {}) =>
	pullCatalog({ db, transport: server.transport(), now: () => 1_000, ...extra });

describe('pullCatalog: the first pull', () => {
	it('pages through every collection and writes products in chunks, one transaction each', async () => {
		const server = city(250);
		const { db, writes } = device();
		const report = await pull(db, server, { pageSize: 100, chunkSize: 200 });

		expect(report).toMatchObject({
			dropped: false,
			version: 1,
			written: { categories: 2, opds: 1, stalls: 2, products: 250, tombstones: 0 },
			skippedInvalid: 0
		});
		expect(await db.products.count()).toBe(250);
		// pages of 100, 100, 50 …
		const productPages = server.requests.filter((r) => r.collection === 'products');
		expect(productPages.map((r) => r.answered.length)).toEqual([100, 100, 50]);
		// … written as two chunks (200 and 50), each with its cursor
		expect(writes.filter((w) => w.join() === 'cursors,products')).toHaveLength(2);
		expect(await db.cursors.get('products')).toMatchObject({ id: testId('prod', 249) });
	});

	it('resumes after the last whole chunk when the connection drops', async () => {
		const server = city(250);
		const { db } = device();
		// version, categories, opds, stalls, products page 1 and 2, then the connection drops
		server.failWhen = (request) => request === 6;
		await expect(pull(db, server, { pageSize: 100, chunkSize: 100 })).rejects.toThrow();
		expect(await db.products.count()).toBe(200);

		server.failWhen = null;
		const before = server.requests.length;
		const report = await pull(db, server, { pageSize: 100, chunkSize: 100 });
		expect(await db.products.count()).toBe(250);
		expect(report.written.products).toBe(50);
		const resumed = server.requests.slice(before).filter((r) => r.collection === 'products');
		expect(resumed.map((r) => r.answered.length)).toEqual([50]);
	});
});

describe('pullCatalog: later pulls', () => {
	it('loses and duplicates nothing when many rows share one updated time across pages', async () => {
		const server = new MemoryCatalog();
		server.put('stalls', wire.stall(SANAN, 'Keripik Tempe Sanan', 'blimbing'));
		for (let i = 0; i < 10; i++) {
			server.put('products', wire.product(testId('tie', i), SANAN, CAT_SNACK, `Tie ${i}`, 500));
		}
		const { db } = device();
		await pull(db, server, { pageSize: 3 });
		const pages = server.requests.filter((r) => r.collection === 'products');
		const served = pages.flatMap((r) => r.answered);
		expect(served).toHaveLength(10);
		expect(new Set(served).size).toBe(10);
		expect(pages.map((r) => r.answered.length)).toEqual([3, 3, 3, 1]);

		// nothing changed: the overlap reads the last rows again and writes none of them
		server.tick(100);
		const again = await pull(db, server, { pageSize: 3 });
		expect(again.written.products).toBe(0);

		// a write stamped before rows already pulled, committed after them, and a new
		// row in the very same millisecond as the cursor with a smaller id
		const cursor = (await db.cursors.get('products'))?.updated ?? '';
		server.put(
			'products',
			wire.product(testId('late', 1), SANAN, CAT_SNACK, 'Late', 700),
			server.now(-1500)
		);
		server.put(
			'products',
			wire.product(testId('aaa', 1), SANAN, CAT_SNACK, 'Same ms', 800),
			cursor
		);
		const delta = await pull(db, server, { pageSize: 3 });
		expect(delta.written.products).toBe(2);
		expect(await db.products.count()).toBe(12);
	});

	it('pulls only what changed', async () => {
		const server = city(40);
		const { db } = device();
		await pull(db, server);
		server.tick(10_000);
		server.update('products', testId('prod', 7), { price: 9999 });
		const before = server.requests.length;
		const report = await pull(db, server);
		expect(report.written).toMatchObject({ products: 1, stalls: 0, categories: 0 });
		expect((await db.products.get(testId('prod', 7)))?.price).toBe(9999);
		const answered = server.requests.slice(before).flatMap((r) => r.answered);
		expect(answered).toEqual([testId('prod', 7)]);
	});
});

/**
 * The memory server as a newer server answers: with a settled time, before
 * which every write has committed (pocketbase/hooks/catalog_settled.go).
 */
function settling(server: MemoryCatalog, settled: () => string): CatalogTransport {
	const transport = server.transport();
	return {
		...transport,
		version: async () => ({ ...(await transport.version()), settled: settled() })
	};
}

describe('pullCatalog: a server that tells its settled time', () => {
	it('re-reads nothing of the overlap when nothing was in flight', async () => {
		const changedAll = (server: MemoryCatalog) => {
			// every product changed just before the first pull …
			for (let i = 0; i < 40; i++) server.update('products', testId('prod', i), { stock: 5 });
			server.tick(100);
		};
		const server = city(40);
		changedAll(server);
		const { db } = device();
		const transport = settling(server, () => server.now(-50));
		await pullCatalog({ db, transport, now: () => 1_000 });
		expect((await db.cursors.get('products'))?.settledAt).toBe(server.now(-50));
		expect((await readCatalogMeta(db)).serverSettledAt).toBe(server.now(-50));

		// … and one after: the delta reads that one only
		server.tick(1000);
		server.update('products', testId('prod', 7), { price: 9999 });
		const before = server.requests.length;
		await pullCatalog({ db, transport, now: () => 1_000 });
		expect(server.requests.slice(before).flatMap((r) => r.answered)).toEqual([testId('prod', 7)]);

		// an older server: its 2 s overlap reads the 40 again (and writes none of them)
		const old = city(40);
		changedAll(old);
		const other = device().db;
		await pull(other, old);
		old.tick(1000);
		old.update('products', testId('prod', 7), { price: 9999 });
		const start = old.requests.length;
		const report = await pull(other, old);
		expect(old.requests.slice(start).flatMap((r) => r.answered)).toHaveLength(40);
		expect(report.written.products).toBe(1);
	});

	it('gets a write that was in flight during a pull, however long it took to commit', async () => {
		const server = city(6);
		const { db } = device();
		// a write starts (its stamp is taken) and stays uncommitted for 5 s …
		const stamp = server.now();
		let settled = () => stamp;
		const transport = settling(server, () => settled());
		server.tick(4000);
		// … while another commits and a pull reads past the stamp
		server.update('products', testId('prod', 3), { stock: 1 });
		server.tick(1000);
		await pullCatalog({ db, transport, now: () => 1_000 });
		expect((await db.cursors.get('products'))?.updated).toBe(server.now(-1000));

		// it commits: stamped 5 s before the pull that passed it
		const late = testId('late', 1);
		server.put('products', wire.product(late, SANAN, CAT_SNACK, 'Late', 700), stamp);
		server.tick(100);
		settled = () => server.now(-50);
		const report = await pullCatalog({ db, transport, now: () => 1_000 });
		expect(await db.products.get(late)).toMatchObject({ name: 'Late' });
		// read from the stamp: the late row, and product 3 again (not rewritten)
		expect(report.written.products).toBe(1);

		// an older server's 2 s overlap guess would have missed it
		const old = city(6);
		const other = device().db;
		const oldStamp = old.now();
		old.tick(4000);
		old.update('products', testId('prod', 3), { stock: 1 });
		old.tick(1000);
		await pull(other, old);
		old.put('products', wire.product(late, SANAN, CAT_SNACK, 'Late', 700), oldStamp);
		old.tick(100);
		await pull(other, old);
		expect(await other.products.get(late)).toBeUndefined();
	});

	it('does not miss a deletion in flight during a new device’s first pull', async () => {
		const server = city(4);
		const gone = testId('prod', 1);
		const stamp = server.now(); // the deletion's tombstone is stamped, not committed yet
		server.tick(5000);
		let settled = () => stamp;
		const { db } = device();
		await pullCatalog({ db, transport: settling(server, () => settled()), now: () => 1_000 });
		expect(await db.products.get(gone)).toBeDefined();

		// it commits, its tombstone stamped before the new device's first read
		server.remove('products', gone);
		const tombstone = server.get('tombstones', 'tomb00000000001'); // the server's first
		server.put('tombstones', { ...tombstone!, id: 'tomb00000000001' }, stamp);
		server.tick(100);
		settled = () => server.now(-50);
		await pullCatalog({ db, transport: settling(server, () => settled()), now: () => 1_000 });
		expect(await db.products.get(gone)).toBeUndefined();
	});
});

describe('pullCatalog: deletions', () => {
	it('removes a deleted product, and a stall no longer verified with its products', async () => {
		const server = city(6);
		const { db } = device();
		await pull(db, server);
		expect(await db.products.where('stall').equals(DAMPIT).count()).toBe(3);

		server.tick(10_000);
		server.remove('products', testId('prod', 0));
		server.setVerification(DAMPIT, 'suspended');
		const report = await pull(db, server);
		expect(await db.products.get(testId('prod', 0))).toBeUndefined();
		expect(await db.stalls.get(DAMPIT)).toBeUndefined();
		expect(await db.products.where('stall').equals(DAMPIT).count()).toBe(0);
		expect(await db.products.count()).toBe(2);
		expect(report.deleted).toBe(1 + 1 + 3);

		// verified again: the stall and its unchanged products come back
		server.tick(10_000);
		server.setVerification(DAMPIT, 'verified');
		await pull(db, server);
		expect(await db.stalls.get(DAMPIT)).toBeDefined();
		expect(await db.products.where('stall').equals(DAMPIT).count()).toBe(3);
	});

	it('brings a newly verified stall with products older than the cursor', async () => {
		const server = city(4);
		const pending = testId('stallnew', 1);
		server.put(
			'stalls',
			wire.stall(pending, 'Topeng Malangan', 'blimbing', { verification: 'pending' })
		);
		server.put(
			'products',
			wire.product(testId('mask', 1), pending, CAT_SNACK, 'Topeng Panji', 250_000)
		);
		server.tick(10_000);
		const { db } = device();
		await pull(db, server);
		expect(await db.products.get(testId('mask', 1))).toBeUndefined();

		server.tick(10_000);
		server.update('products', testId('prod', 1), { stock: 0 }); // moves the cursor on
		server.setVerification(pending, 'verified');
		await pull(db, server);
		expect(await db.products.get(testId('mask', 1))).toMatchObject({ name: 'Topeng Panji' });
	});

	it('keeps a row recreated after its tombstone', async () => {
		const server = city(2);
		const { db } = device();
		await pull(db, server);
		server.tick(10_000);
		const id = testId('prod', 0);
		const row = server.get('products', id);
		server.remove('products', id);
		server.tick(5);
		server.put('products', { ...row, id, name: 'Dibuat lagi' });
		await pull(db, server);
		expect(await db.products.get(id)).toMatchObject({ name: 'Dibuat lagi' });
	});
});

describe('pullCatalog: catalog version', () => {
	it('drops the cached catalog and pulls it whole when the version or dataset changes', async () => {
		const server = city(30);
		const { db } = device();
		await pull(db, server);
		await db.products.put({
			...(await db.products.get(testId('prod', 0)))!,
			id: 'ghost0000000001'
		});

		server.version = 2;
		const report = await pull(db, server);
		expect(report.dropped).toBe(true);
		expect(report.written.products).toBe(30);
		expect(await db.products.get('ghost0000000001')).toBeUndefined();
		expect(await db.products.count()).toBe(30);

		expect((await pull(db, server)).dropped).toBe(false);
		server.dataset = 'anotherserver01'; // a reset demo server, still at version 2
		expect((await pull(db, server)).dropped).toBe(true);
	});
});

describe('pullCatalog: records that do not fit', () => {
	it('skips and counts them, stores the rest, and counts them once', async () => {
		const server = city(4);
		server.put('products', wire.product(testId('bad', 1), SANAN, CAT_SNACK, 'Minus', -5));
		server.put(
			'products',
			wire.product(testId('bad', 2), SANAN, CAT_SNACK, 'Text', 'seribu' as never)
		);
		server.put('stalls', wire.stall(testId('badstall', 1), 'Di luar kota', 'batu'));
		const { db } = device();
		const report = await pull(db, server);
		expect(report.skippedInvalid).toBe(3);
		expect(await db.products.count()).toBe(4);
		expect(await db.stalls.count()).toBe(2);

		// the overlap reads them again: not counted again
		expect((await pull(db, server)).skippedInvalid).toBe(0);
		expect((await readCatalogMeta(db)).skippedInvalid).toBe(3);
	});
});

describe('pullCatalog: rows with unsent changes', () => {
	// a future mutation that edits products on the device (none does today)
	const touches: CatalogTouches = {
		'order.place': (args) =>
			(args.products as string[]).map((id) => ({ coll: 'products' as const, id }))
	};

	it('leaves them as they are until the change is answered, then reads them again', async () => {
		const server = city(4);
		const { db } = device();
		const held = () => heldCatalogIds(db, touches);
		await pull(db, server, { held });

		const edited = testId('prod', 0);
		const deleted = testId('prod', 2);
		const local = { ...(await db.products.get(edited))!, price: 1 };
		const entry = await writeWithMutation(
			db,
			{
				owner: 'sellers:seller000000001',
				name: 'order.place',
				args: { products: [edited, deleted] }
			},
			[db.products],
			async () => void (await db.products.put(local))
		);

		server.tick(10_000);
		server.update('products', edited, { price: 5000 });
		server.remove('products', deleted);
		const report = await pull(db, server, { held });
		expect(report.held).toBe(2);
		expect((await db.products.get(edited))?.price).toBe(1);
		expect(await db.products.get(deleted)).toBeDefined();

		// the server answered: the next pull reads both again
		await db.outbox.where('id').equals(entry.id).delete();
		await pull(db, server, { held });
		expect((await db.products.get(edited))?.price).toBe(5000);
		expect(await db.products.get(deleted)).toBeUndefined();
		expect((await db.cursors.get('products'))?.held ?? []).toEqual([]);
	});

	it('holds nothing with the app’s touches (no mutation edits the catalog yet)', async () => {
		const { db } = device();
		await writeWithMutation(db, { owner: 'buyers:b', name: 'order.place', args: {} });
		expect(await heldCatalogIds(db)).toEqual({});
	});
});
