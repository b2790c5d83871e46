// Sync throughput against the real server, each figure next to a baseline
// measured in the same run (a ratio, so the machine's speed cancels out).
//   a. one device flushes 500 queued order.place mutations, vs 500 sequential
//      PocketBase JS SDK creates of a full order record (as the superuser);
//   b. orders/s through POST /api/sync/push (batches of 50, concurrent clients)
//      vs POST /api/collections/orders/records, same concurrency, same server.
import PocketBase from 'pocketbase';
import { afterAll, describe, it } from 'vitest';
import { createPushTransport } from '$lib/api/sync-push';
import { newId } from '$lib/sync/ids';
import type { PushEnvelope } from '$lib/sync/types';
import {
	createBuyers,
	createProduct,
	makeDevice,
	PASSWORD,
	placeArgs,
	PRICE,
	prng,
	superuserToken,
	type Buyer,
	type Shop
} from '../chaos/fixtures';
import { TestServer } from '../e2e/server';
import { perSec, record, rows, secs, table } from './report';

const FLUSH_ORDERS = 500;
const INGEST_ORDERS = 2_000;
const BATCH = 50;
const CONCURRENCY = [2, 4];
const WARMUP_ORDERS = 200;
/** measurement pairs of benchmark a (the median is reported) */
const REPEATS = 3;
/** interleaved rounds per figure of benchmark b */
const ROUNDS = 4;

/** A full order record as the sync route would write it (buyer, stall, status, totals). */
function orderRecord(buyer: Buyer, shop: Shop): Record<string, unknown> {
	const now = new Date().toISOString().replace('T', ' ');
	return {
		buyer: buyer.id,
		stall: shop.stall,
		status: 'placed',
		payment_method: 'cod',
		delivery_method: 'pickup',
		delivery_name: 'Pembeli Uji',
		delivery_address: 'Jl. Sanan No. 12, Purwantoro, Blimbing',
		note: '',
		subtotal: PRICE,
		total: PRICE,
		client_total: PRICE,
		client_created: now,
		status_changed: now,
		stock_held: true
	};
}

/** Runs jobs on `workers` concurrent loops; each loop takes the next job when done. */
async function pool<J>(workers: number, jobs: J[], fn: (job: J, worker: number) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: workers }, async (_, w) => {
			while (next < jobs.length) await fn(jobs[next++] as J, w);
		})
	);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const elapsed = async (fn: () => Promise<unknown>) => {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
};

describe('sync benchmarks (figures only)', () => {
	// scripts/bench.mjs prints the table itself, after vitest's own report
	afterAll(() => {
		if (!process.env.MALPRO_BENCH_OUT) console.log(`\n${table(rows)}\n`);
	});

	it(`a. one device flushes ${FLUSH_ORDERS} queued orders`, async () => {
		const server = await TestServer.start();
		try {
			const su = await superuserToken(server.url);
			const [[buyer], shop] = await Promise.all([
				createBuyers(server.url, su, 1),
				createProduct(server.url, su)
			]);
			if (!buyer) throw new Error('no buyer');
			const device = makeDevice({
				name: 'bench-device',
				owner: buyer.owner,
				transport: createPushTransport({
					baseUrl: server.url,
					token: () => buyer.token,
					timeoutMs: 120_000
				}),
				random: prng(1)
			});
			const queueAndFlush = async (n: number) => {
				for (let i = 0; i < n; i++) await device.queue(placeArgs(shop));
				const flushMs = await elapsed(async () => {
					const status = await device.engine.flush();
					if (status.state !== 'idle' || status.unsent || status.rejected) {
						throw new Error(`flush ended ${JSON.stringify(status)}`);
					}
				});
				return flushMs;
			};

			const pb = new PocketBase(server.url);
			pb.autoCancellation(false);
			await pb.collection('_superusers').authWithPassword('admin@malpro.test', PASSWORD);
			const sdkCreates = (n: number) =>
				elapsed(async () => {
					for (let i = 0; i < n; i++)
						await pb.collection('orders').create(orderRecord(buyer, shop));
				});

			// warm up both paths (connections, statement caches, the page cache)
			await queueAndFlush(BATCH);
			await sdkCreates(BATCH);

			// REPEATS pairs, the order alternating, so background load hits both alike
			const flushes: number[] = [];
			const creates: number[] = [];
			let queueMs = 0;
			for (let rep = 0; rep < REPEATS; rep++) {
				const measureFlush = async () => {
					const t0 = performance.now();
					for (let i = 0; i < FLUSH_ORDERS; i++) await device.queue(placeArgs(shop));
					queueMs += performance.now() - t0;
					flushes.push(await queueAndFlush(0));
				};
				const measureSdk = async () => creates.push(await sdkCreates(FLUSH_ORDERS));
				if (rep % 2 === 0) await measureFlush().then(measureSdk);
				else await measureSdk().then(measureFlush);
			}
			device.db.close();

			const flushMs = median(flushes);
			const sdkMs = median(creates);
			console.log(
				`bench a: flush of ${FLUSH_ORDERS} ${flushes.map(secs).join(', ')}; ` +
					`${FLUSH_ORDERS} SDK creates ${creates.map(secs).join(', ')}; queueing ` +
					`${FLUSH_ORDERS} in the fake-indexeddb outbox (not counted) ` +
					`${secs(queueMs / REPEATS)} on average`
			);
			record({
				benchmark: `a. device flush, ${FLUSH_ORDERS} order.place (median of ${REPEATS})`,
				malpro: secs(flushMs),
				baseline: `${FLUSH_ORDERS} SDK creates ${secs(sdkMs)}`,
				ratio: `${(flushMs / sdkMs).toFixed(2)} (flush / SDK time)`
			});
		} finally {
			await server.stop();
		}
	});

	it(`b. server ingestion, ${INGEST_ORDERS} orders per run`, async () => {
		// One fresh server for both paths (not the one of benchmark a): the same
		// process, database file and page cache for both; both are warmed up first.
		const server = await TestServer.start();
		try {
			const su = await superuserToken(server.url);
			const clients = Math.max(...CONCURRENCY);
			const [buyers, shop] = await Promise.all([
				createBuyers(server.url, su, clients),
				createProduct(server.url, su)
			]);
			const transports = buyers.map((b) =>
				createPushTransport({ baseUrl: server.url, token: () => b.token, timeoutMs: 120_000 })
			);

			/** orders pushed as order.place mutations, BATCH per push */
			const push = async (orders: number, workers: number) => {
				const envelopes: PushEnvelope[] = Array.from({ length: orders / BATCH }, (_, i) => ({
					clientId: `bench-${i}`,
					mutations: Array.from({ length: BATCH }, () => ({
						id: newId(),
						name: 'order.place',
						args: placeArgs(shop),
						createdAt: new Date().toISOString()
					}))
				}));
				return elapsed(() =>
					pool(workers, envelopes, async (env, w) => {
						const out = await (transports[w] as (typeof transports)[number])(env);
						const applied =
							out.kind === 'ok' ? out.results.filter((r) => r.status === 'applied').length : 0;
						if (applied !== env.mutations.length) {
							throw new Error(`push not applied: ${JSON.stringify(out).slice(0, 400)}`);
						}
					})
				);
			};

			/** orders written as plain records, one POST each, as the superuser */
			const plain = async (orders: number, workers: number) => {
				const bodies = Array.from({ length: orders }, (_, i) =>
					JSON.stringify(orderRecord(buyers[i % buyers.length] as Buyer, shop))
				);
				return elapsed(() =>
					pool(workers, bodies, async (body) => {
						const res = await fetch(`${server.url}/api/collections/orders/records`, {
							method: 'POST',
							headers: { 'content-type': 'application/json', authorization: su },
							body
						});
						const text = await res.text();
						if (!res.ok) throw new Error(`create → ${res.status}: ${text.slice(0, 300)}`);
					})
				);
			};

			await plain(WARMUP_ORDERS, clients);
			await push(WARMUP_ORDERS, clients);

			// each figure is ROUNDS interleaved rounds (plain, push, push, plain, …) of
			// INGEST_ORDERS / ROUNDS orders, so drifting background load hits both alike
			const perRound = INGEST_ORDERS / ROUNDS;
			for (const workers of CONCURRENCY) {
				let plainMs = 0;
				let pushMs = 0;
				for (let round = 0; round < ROUNDS; round++) {
					if (round % 2 === 0) {
						plainMs += await plain(perRound, workers);
						pushMs += await push(perRound, workers);
					} else {
						pushMs += await push(perRound, workers);
						plainMs += await plain(perRound, workers);
					}
				}
				const ratio = plainMs / pushMs; // (n / pushMs) / (n / plainMs)
				record({
					benchmark: `b. ingestion, ${workers} clients, ${INGEST_ORDERS} orders`,
					malpro: `push ${perSec(INGEST_ORDERS, pushMs)}`,
					baseline: `plain create ${perSec(INGEST_ORDERS, plainMs)}`,
					ratio: `${ratio.toFixed(2)} (push / plain, goal ≥ 0.5)`
				});
			}
		} finally {
			await server.stop();
		}
	});
});
