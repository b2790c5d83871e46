import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createCatalogTransport } from '$lib/api/catalog';
import { AppError } from '$lib/api/errors';
import { MalproDB } from '$lib/db/schema';
import { handleError } from '$lib/state/handle-error';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import { inProcessPullWorker } from '$lib/testing/pull-worker';
import { CatalogPullWorker } from './catalog-pull-client';
import Dexie from 'dexie';
import {
	handlePullRequest,
	pullWorkerEnv,
	WORKER_CHUNK,
	type PullAnswer,
	type PullWorkerEnv
} from './catalog-pull-protocol';
import type { CatalogTransport } from './catalog-types';
import { pullCatalog } from './pull';

function city(products = 5): MemoryCatalog {
	const server = new MemoryCatalog();
	server.put('categories', wire.category(testId('cat', 1), 'Minuman', 1));
	server.put('stalls', wire.stall(testId('stall', 1), 'Kopi Dampit', 'kedungkandang'));
	for (let i = 0; i < products; i++) {
		server.put(
			'products',
			wire.product(testId('prod', i), testId('stall', 1), testId('cat', 1), `Kopi ${i}`, 20_000)
		);
		if (i % 10 === 9) server.tick();
	}
	server.tick(5000);
	return server;
}

let n = 0;
/** One device's storage; `connect` is one more connection to its database (the page's, the worker's). */
function device() {
	const indexedDB = new IDBFactory();
	const name = `pull-worker-${++n}`;
	return { name, indexedDB, connect: () => new MalproDB(name, { indexedDB, IDBKeyRange }) };
}

/** The worker's side on `dev`, as the worker makes it: its own connection, kept between pulls. */
function workerEnv(
	dev: ReturnType<typeof device>,
	transport: () => CatalogTransport
): PullWorkerEnv {
	const env = pullWorkerEnv({
		connect: () => dev.connect(),
		transport: () => transport(),
		now: () => 1_764_300_000_000
	});
	return {
		...env,
		db: (name) => {
			expect(name).toBe(dev.name);
			return env.db(name);
		}
	};
}

/** Offline: fetch rejects as a browser's does without a network. */
const offlineFetch = (() =>
	Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;

describe('the catalog pull worker (its protocol, in Node)', () => {
	it('pulls into its own connection: started, progress per chunk, then the report', async () => {
		const server = city(730);
		const dev = device();
		const page = dev.connect();
		await page.open(); // the page opens (and upgrades) the database before any pull
		const answers: PullAnswer[] = [];
		await handlePullRequest(
			{ id: 7, dbName: dev.name, baseUrl: 'http://server' },
			workerEnv(dev, () => server.transport()),
			(a) => answers.push(structuredClone(a))
		);

		expect(answers[0]).toEqual({ id: 7, type: 'started' });
		const last = answers.at(-1);
		if (last?.type !== 'done') throw new Error(`ended with ${JSON.stringify(last)}`);
		expect(last.report.written).toMatchObject({ categories: 1, stalls: 1, products: 730 });
		// progress: a few numbers per committed chunk, never rows; products 100 then 200 at a time
		const progress = answers.slice(1, -1);
		expect(progress.every((a) => a.type === 'progress' && a.id === 7)).toBe(true);
		const products = progress.flatMap((a) =>
			a.type === 'progress' && a.progress.collection === 'products'
				? [a.progress.written.products]
				: []
		);
		expect(products).toEqual([100, 300, 500, 700, 730]);
		expect(JSON.stringify(progress).length).toBeLessThan(progress.length * 150);
		// what the page reads: everything, with the cursors (chunks of WORKER_CHUNK, not 25)
		expect(await page.products.count()).toBe(730);
		expect((await page.cursors.get('products'))?.id).toBe(testId('prod', 729));
		expect(last.report.chunks).toBeLessThan(730 / WORKER_CHUNK + 6);

		// the same catalog as a pull on the page's thread
		const other = device().connect();
		await pullCatalog({ db: other, transport: server.transport(), now: () => 1_764_300_000_000 });
		expect(await page.products.toArray()).toEqual(await other.products.toArray());
	});

	it('does not tell the page’s connection what each chunk changed (no live queries to serve)', async () => {
		const server = city(450);
		const told: unknown[] = [];
		const listen = (parts: unknown) => void told.push(parts);
		Dexie.on('storagemutated', listen);
		try {
			const dev = device();
			await dev.connect().open();
			// a connection as Dexie makes it tells the others (in a browser, by BroadcastChannel)
			await pullCatalog({ db: dev.connect(), transport: server.transport() });
			expect(told.length).toBeGreaterThan(0);
			const other = device();
			await other.connect().open(); // (a database created tells it too)
			told.length = 0;
			const answers: PullAnswer[] = [];
			await handlePullRequest(
				{ id: 1, dbName: other.name, baseUrl: '' },
				workerEnv(other, () => server.transport()),
				(a) => answers.push(a)
			);
			expect(answers.at(-1)?.type).toBe('done');
			expect(told).toEqual([]);
		} finally {
			Dexie.on('storagemutated').unsubscribe(listen);
		}
	});

	it('posts a failure with the reason code the page shows: offline is `network`, as on the page', async () => {
		const dev = device();
		await dev.connect().open();
		const answers: PullAnswer[] = [];
		const offline = () => createCatalogTransport({ baseUrl: 'http://server', fetch: offlineFetch });
		await handlePullRequest(
			{ id: 1, dbName: dev.name, baseUrl: 'http://server' },
			workerEnv(dev, offline),
			(a) => answers.push(structuredClone(a))
		);
		expect(answers.map((a) => a.type)).toEqual(['started', 'failed']);
		expect(answers[1]).toMatchObject({ type: 'failed', error: { code: 'network' } });

		// the page's own pull fails with the same code
		const onPage = await pullCatalog({ db: dev.connect(), transport: offline() }).catch(
			(e: unknown) => e
		);
		expect(handleError(onPage).code).toBe('network');

		// a server error in the middle of a pull, too
		const server = city(300);
		server.failWhen = (req) => req > 3;
		const failed: PullAnswer[] = [];
		await handlePullRequest(
			{ id: 2, dbName: dev.name, baseUrl: 'http://server' },
			workerEnv(dev, () => server.transport()),
			(a) => failed.push(structuredClone(a))
		);
		expect(failed.at(-1)).toMatchObject({ type: 'failed', error: { code: 'network' } });
	});

	it('never blocks the page’s upgrade: its connection closes, and opens again on the next pull', async () => {
		const server = city(20);
		const dev = device();
		await dev.connect().open();
		const env = workerEnv(dev, () => server.transport());
		const answers: PullAnswer[] = [];
		const post = (a: PullAnswer) => answers.push(structuredClone(a));
		await handlePullRequest({ id: 1, dbName: dev.name, baseUrl: '' }, env, post);
		expect(env.db(dev.name).isOpen()).toBe(true);

		// a new version of the app opens the database with a newer schema
		const { indexedDB } = dev;
		class NextDB extends MalproDB {
			constructor() {
				super(dev.name, { indexedDB, IDBKeyRange });
				this.version(5).stores({ notes: 'id' });
			}
		}
		const next = new NextDB();
		let blocked = false;
		next.on('blocked', () => void (blocked = true));
		await next.open();
		expect(blocked).toBe(false);
		expect(next.verno).toBe(5);
		expect(env.db(dev.name).isOpen()).toBe(false);
		next.close();

		server.put(
			'products',
			wire.product(testId('prod', 99), testId('stall', 1), testId('cat', 1), 'Kopi baru', 1)
		);
		server.tick(5000);
		await handlePullRequest({ id: 2, dbName: dev.name, baseUrl: '' }, env, post);
		expect(answers.at(-1)).toMatchObject({ type: 'done', report: { written: { products: 1 } } });
		expect(await new NextDB().products.count()).toBe(21);
	});
});

describe('CatalogPullWorker (the page’s side)', () => {
	it('runs the pull in the worker and hands on its progress and report', async () => {
		const server = city(450);
		const dev = device();
		await dev.connect().open();
		const worker = inProcessPullWorker(workerEnv(dev, () => server.transport()));
		let made = 0;
		const pulls = new CatalogPullWorker(() => (made++, worker));
		const onPage = () => Promise.reject(new Error('pulled on the page'));

		const progress: number[] = [];
		const report = await pulls.pull(
			{ dbName: dev.name, baseUrl: 'http://server' },
			(p) => p.collection === 'products' && progress.push(p.written.products),
			onPage
		);
		expect(report.written.products).toBe(450);
		expect(progress).toEqual([100, 300, 450]);
		expect(worker.requests).toEqual([{ id: 1, dbName: dev.name, baseUrl: 'http://server' }]);

		// the next pull reuses the worker
		expect((await pulls.pull({ dbName: dev.name, baseUrl: '' }, () => {}, onPage)).written).toEqual(
			{ categories: 0, opds: 0, stalls: 0, products: 0, tombstones: 0 }
		);
		expect(made).toBe(1);
	});

	it('a failure in the worker fails the pull with its reason code; it does not fall back', async () => {
		const dev = device();
		await dev.connect().open();
		const offline = () => createCatalogTransport({ baseUrl: 'http://server', fetch: offlineFetch });
		let onPage = 0;
		const pulls = new CatalogPullWorker(() => inProcessPullWorker(workerEnv(dev, offline)));
		const err = await pulls
			.pull(
				{ dbName: dev.name, baseUrl: '' },
				() => {},
				async () => {
					onPage++;
					throw new Error('pulled on the page');
				}
			)
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AppError);
		expect(handleError(err).code).toBe('network');
		expect(onPage).toBe(0);
	});

	it('pulls on the page where no worker runs, or where it could not start', async () => {
		const here = async () => ({ fromPage: true }) as never;
		// no Worker (Node, an old browser)
		expect(
			await new CatalogPullWorker(() => null).pull({ dbName: '', baseUrl: '' }, () => {}, here)
		).toEqual({
			fromPage: true
		});
		const throws = new CatalogPullWorker(() => {
			throw new DOMException('module workers unsupported', 'SyntaxError');
		});
		expect(await throws.pull({ dbName: '', baseUrl: '' }, () => {}, here)).toEqual({
			fromPage: true
		});

		// its script did not load: an error before it said it started
		const dev = device();
		let made = 0;
		const failing = new CatalogPullWorker(() => {
			made++;
			const w = inProcessPullWorker(workerEnv(dev, () => city().transport()));
			w.postMessage = () => setTimeout(() => w.fail('404 catalog-pull.worker.js'));
			return w;
		});
		expect(await failing.pull({ dbName: dev.name, baseUrl: '' }, () => {}, here)).toEqual({
			fromPage: true
		});
		// and from then on this page pulls on its own thread
		expect(await failing.pull({ dbName: dev.name, baseUrl: '' }, () => {}, here)).toEqual({
			fromPage: true
		});
		expect(made).toBe(1);
	});

	it('a worker that stops in the middle of a pull fails it; the next pull has a new worker', async () => {
		const server = city(300);
		const dev = device();
		await dev.connect().open();
		const workers: ReturnType<typeof inProcessPullWorker>[] = [];
		const pulls = new CatalogPullWorker(() => {
			const w = inProcessPullWorker(workerEnv(dev, () => server.transport()));
			workers.push(w);
			return w;
		});
		let onPage = 0;
		const here = async () => {
			onPage++;
			throw new Error('pulled on the page');
		};
		const first = pulls.pull(
			{ dbName: dev.name, baseUrl: '' },
			() => workers[0]?.fail('crashed'),
			here
		);
		const err = await first.catch((e: unknown) => e);
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(handleError(err).code).toBe('unknown');
		logged.mockRestore();
		expect(onPage).toBe(0);
		const report = await pulls.pull({ dbName: dev.name, baseUrl: '' }, () => {}, here);
		expect(workers.length).toBe(2);
		expect(report.version).toBe(1);
	});
});
