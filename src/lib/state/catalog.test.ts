import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MalproDB } from '$lib/db/schema';
import type { CatalogTransport } from '$lib/sync/catalog-types';
import { createLocalLock } from '$lib/sync/lock';
import type { Lock } from '$lib/sync/types';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import { CatalogPullWorker } from '$lib/sync/catalog-pull-client';
import { pullWorkerEnv } from '$lib/sync/catalog-pull-protocol';
import { inProcessPullWorker } from '$lib/testing/pull-worker';
import { CatalogSync } from './catalog.svelte';

function city(): MemoryCatalog {
	const server = new MemoryCatalog();
	server.put('categories', wire.category(testId('cat', 1), 'Minuman', 1));
	server.put('stalls', wire.stall(testId('stall', 1), 'Kopi Dampit', 'kedungkandang'));
	for (let i = 0; i < 5; i++) {
		server.put(
			'products',
			wire.product(testId('prod', i), testId('stall', 1), testId('cat', 1), `Kopi ${i}`, 20_000)
		);
	}
	server.put(
		'products',
		wire.product(testId('bad', 1), testId('stall', 1), testId('cat', 1), 'Rusak', -1)
	);
	return server;
}

let n = 0;
function tab(
	server: MemoryCatalog,
	opts: { db?: MalproDB; lock?: Lock; transport?: CatalogTransport } = {}
) {
	const db =
		opts.db ?? new MalproDB(`catalog-state-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const state = new CatalogSync({
		db: () => db,
		transport: () => opts.transport ?? server.transport(),
		lock: opts.lock ?? createLocalLock(),
		now: () => 1_764_300_000_000
	});
	return { db, state };
}

describe('CatalogSync', () => {
	it('starts empty on a new device, and shows what a pull brought', async () => {
		const { state } = tab(city());
		await state.load();
		expect([state.lastSyncAt, state.counts.products, state.revision]).toEqual([null, 0, 0]);

		const report = await state.sync();
		expect(report?.written.products).toBe(5);
		expect(state.lastSyncAt).toBe(1_764_300_000_000);
		expect(state.counts).toEqual({ categories: 1, opds: 0, stalls: 1, products: 5 });
		expect(state.skippedInvalid).toBe(1);
		expect(state.lastError).toBeNull();
		// once when the first products were stored, once at the end
		expect(state.revision).toBe(2);

		// nothing new: the pages need not reload
		await state.sync();
		expect(state.revision).toBe(2);
	});

	it('shows a first pull as it lands: the first products soon, then at most every 1.5 s', async () => {
		const server = city();
		for (let i = 5; i < 2500; i++) {
			server.put(
				'products',
				wire.product(testId('prod', i), testId('stall', 1), testId('cat', 1), `Kopi ${i}`, 20_000)
			);
		}
		let clock = 1_764_300_000_000;
		const indexedDB = new IDBFactory();
		const db = new MalproDB(`catalog-state-${++n}`, { indexedDB, IDBKeyRange });
		const inner = server.transport();
		// what the pages would see when each page of products is asked for
		const seen: { revision: number; products: number }[] = [];
		const state: CatalogSync = new CatalogSync({
			db: () => db,
			lock: createLocalLock(),
			now: () => clock,
			transport: () => transport,
			// as the app does, the pull in a worker (here in this process, with its own
			// connection): chunks of 200, progress by message
			pull: (d, onProgress, here) => pulls.pull({ dbName: d.name, baseUrl: '' }, onProgress, here)
		});
		const transport: CatalogTransport = {
			version: inner.version,
			list: async (q) => {
				if (q.collection === 'products') {
					// what was stored before is shown by now (a short read of the device; 200 ms:
					// the worker's messages and the page's reads have time on a busy machine)
					await new Promise((r) => setTimeout(r, 200));
					seen.push({ revision: state.revision, products: state.counts.products });
					clock += 400; // each page takes 0.4 s
				}
				return inner.list(q);
			}
		};
		const worker = inProcessPullWorker(
			pullWorkerEnv({
				connect: (name) => new MalproDB(name, { indexedDB, IDBKeyRange }),
				transport: () => transport,
				now: () => clock
			})
		);
		const pulls = new CatalogPullWorker(() => worker);
		await state.sync();
		// pages of 100, 500 … 400: the first 100 (one failed its schema) are shown
		// while the next page is read, the rest at most every 1.5 s, and at the end
		expect(seen.map((s) => s.revision)).toEqual([0, 1, 1, 1, 1, 2]);
		expect(seen.slice(0, 5).map((s) => s.products)).toEqual([0, 99, 99, 99, 99]);
		// more than the first page by then (how many: when the counts were read, while
		// the next page is asked for as this one is stored, src/lib/sync/pages.ts)
		expect(seen[5]?.products).toBeGreaterThan(1000);
		expect(state.revision).toBe(3);
		expect(state.counts.products).toBe(2500);
	});

	it('keeps the last failure until a pull succeeds, and what it had', async () => {
		const server = city();
		const { state } = tab(server);
		await state.sync();
		server.failWhen = () => true;
		expect(await state.sync()).toBeNull();
		expect(state.lastError).toBe('network');
		expect(state.counts.products).toBe(5);
		expect(state.syncing).toBe(false);

		server.failWhen = null;
		await state.sync();
		expect(state.lastError).toBeNull();
	});

	it('runs one pull at a time: in a tab a second call joins the first, across tabs they queue', async () => {
		const server = city();
		let running = 0;
		let most = 0;
		const inner = server.transport();
		const slow: CatalogTransport = {
			version: inner.version,
			list: async (q) => {
				most = Math.max(most, ++running);
				await new Promise((r) => setTimeout(r, 5));
				running--;
				return inner.list(q);
			}
		};
		const lock = createLocalLock(); // Web Locks in the browser: one holder per origin
		const first = tab(server, { lock, transport: slow });
		const second = tab(server, { lock, transport: slow, db: first.db });

		const a = first.state.sync();
		expect(first.state.sync()).toBe(a);
		expect(first.state.syncing).toBe(true);
		await Promise.all([a, second.state.sync()]);
		expect(most).toBe(1);
		expect(second.state.counts.products).toBe(5);
	});
});
