// Chaos: 10 simulated phones each place 100 orders through a proxy that drops,
// resets, delays and cuts connections, while the server is SIGKILLed and
// restarted twice. Every order must arrive exactly once, and every outbox empty.
import { afterAll, describe, expect, it } from 'vitest';
import { createPushTransport } from '$lib/api/sync-push';
import type { PushOutcome, PushTransport } from '$lib/sync/types';
import { TestServer } from '../e2e/server';
import {
	allOrders,
	api,
	createBuyers,
	createProduct,
	makeDevice,
	placeArgs,
	prng,
	sleep,
	superuserToken,
	type Buyer,
	type Device
} from './fixtures';
import { ChaosProxy } from './proxy';

const DEVICES = 10;
const ORDERS_PER_DEVICE = 100;
const TOTAL = DEVICES * ORDERS_PER_DEVICE;
const SEED = Number(process.env.CHAOS_SEED ?? 20261128);
/** the devices' work (queue + sync), restarts included, must end by then */
const WORK_DEADLINE_MS = 120_000;
const PUSH_TIMEOUT_MS = Number(process.env.CHAOS_PUSH_TIMEOUT_MS ?? 3_000);
/** mutations per push, per device: the app's 50 and smaller ones, for more pushes to upset */
const BATCH_SIZES = [50, 25, 10, 5, 1];

/**
 * Node's fetch (undici) keeps connections alive and would send many pushes
 * over one proxied connection, hiding them from the proxy's per-connection
 * dice. `connection: close` makes undici open a new connection per request
 * (and the server closes it after answering), so each push is one decision.
 */
const closeFetch: typeof fetch = (input, init) => {
	const headers = new Headers(init?.headers);
	headers.set('connection', 'close');
	return fetch(input, { ...init, headers });
};

/** Waits for work, but no later than the deadline (the timer is cleared either way). */
async function until(work: Promise<unknown>, deadline: number): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<void>(
		(r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now())))
	);
	await Promise.race([work, late]).finally(() => clearTimeout(timer));
}

type Phone = Device & { index: number; name: string; buyer: Buyer; queued: string[] };

/** What the devices' transports saw, over all pushes. */
const seen = {
	pushes: 0,
	ok: 0,
	network: 0,
	timeout: 0,
	server: 0,
	auth: 0,
	refused: 0,
	applied: 0,
	duplicate: 0,
	rejected: 0,
	/** HTTP status of the 'server' transients (200: an answer cut short) */
	serverStatus: new Map<number | undefined, number>()
};

describe('chaos: devices syncing through a bad network to a crashing server', () => {
	let server: TestServer | undefined;
	let proxy: ChaosProxy | undefined;
	const phones: Phone[] = [];

	afterAll(async () => {
		for (const p of phones) {
			p.engine.stop();
			p.db.close();
		}
		await proxy?.close();
		await server?.stop();
	});

	it(`${DEVICES} devices x ${ORDERS_PER_DEVICE} orders arrive exactly once`, async () => {
		const t0 = performance.now();
		server = await TestServer.start();
		const su = await superuserToken(server.url);
		const [buyers, shop] = await Promise.all([
			createBuyers(server.url, su, DEVICES),
			createProduct(server.url, su)
		]);
		proxy = await ChaosProxy.start({ upstreamPort: server.port, random: prng(SEED) });
		const setupMs = performance.now() - t0;

		// acknowledged mutation ids (applied or duplicate), and waiters on their count
		const acked = new Set<string>();
		const waiters: { n: number; resolve: () => void }[] = [];
		const ackedAtLeast = (n: number) =>
			new Promise<void>((resolve) => {
				if (acked.size >= n) resolve();
				else waiters.push({ n, resolve });
			});
		const count = (out: PushOutcome) => {
			seen.pushes++;
			if (out.kind === 'transient') seen[out.reason]++;
			else seen[out.kind]++;
			if (out.kind === 'transient' && out.reason === 'server') {
				seen.serverStatus.set(out.status, (seen.serverStatus.get(out.status) ?? 0) + 1);
			}
			if (out.kind !== 'ok') return;
			for (const r of out.results) {
				seen[r.status]++;
				if (r.status !== 'rejected') acked.add(r.id);
			}
			for (const w of waiters.filter((w) => acked.size >= w.n)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve();
			}
		};

		for (const [index, buyer] of buyers.entries()) {
			const inner = createPushTransport({
				baseUrl: proxy.url, // never the server directly
				token: () => buyer.token,
				timeoutMs: PUSH_TIMEOUT_MS,
				fetch: closeFetch
			});
			const transport: PushTransport = async (env) => {
				const out = await inner(env);
				count(out);
				return out;
			};
			const name = `device-${index + 1}`;
			const device = makeDevice({
				name,
				owner: buyer.owner,
				transport,
				random: prng(SEED * 7 + index),
				batchSize: BATCH_SIZES[index % BATCH_SIZES.length]
			});
			phones.push({ ...device, index, name, buyer, queued: [] });
		}

		const workStart = performance.now();
		const deadline = Date.now() + WORK_DEADLINE_MS;
		const flushErrors: unknown[] = [];

		async function work(p: Phone): Promise<void> {
			const random = prng(SEED * 13 + p.index);
			const flushSoon = () => void p.engine.flush().catch((e: unknown) => flushErrors.push(e));
			// queue in rounds of 10–30 orders; the app flushes after every local write,
			// so new writes land while earlier ones are being pushed
			let left = ORDERS_PER_DEVICE;
			while (left > 0) {
				const n = Math.min(left, 10 + Math.floor(random() * 21));
				for (let k = 0; k < n; k++) {
					const args = placeArgs(shop);
					await p.queue(args);
					p.queued.push(args.order as string);
					flushSoon();
				}
				left -= n;
				await sleep(random() * 500);
			}
			// then flush until the outbox is empty, with our own retry timer on top of
			// the engine's backoff (the app's timer and `online` triggers)
			while ((await p.store.countUnsent(p.buyer.owner)) > 0 && Date.now() < deadline) {
				// a flush that never ends must not outlive the deadline either
				await until(p.engine.flush(), deadline);
				if ((await p.store.countUnsent(p.buyer.owner)) === 0) break;
				await sleep(200 + random() * 300);
			}
		}

		// two SIGKILLs, after about a third and two thirds of the orders were acknowledged
		const restarts: { afterAcked: number; ms: number }[] = [];
		let devicesDone = false;
		const allDone = Promise.all(phones.map(work)).finally(() => (devicesDone = true));
		const chaos = (async () => {
			for (const share of [1 / 3, 2 / 3]) {
				await Promise.race([ackedAtLeast(Math.round(TOTAL * share)), allDone]);
				if (devicesDone || Date.now() > deadline) return;
				const t = performance.now();
				const afterAcked = acked.size;
				await server!.restart();
				restarts.push({ afterAcked, ms: performance.now() - t });
			}
		})();
		await Promise.all([allDone, chaos]);
		const workMs = performance.now() - workStart;

		// what is left on each device, for the failure message
		const leftovers: string[] = [];
		for (const p of phones) {
			const rows = await p.db.outbox.toArray();
			if (rows.length === 0) continue;
			const by = (s: string) => rows.filter((r) => r.state === s).length;
			const codes = [...new Set(rows.map((r) => r.code).filter(Boolean))].join(',');
			leftovers.push(
				`${p.name} (${p.buyer.owner}): ${rows.length} left — ${by('pending')} pending, ` +
					`${by('sent')} sent, ${by('rejected')} rejected${codes ? ` [${codes}]` : ''}; ` +
					`engine ${p.engine.status.state}`
			);
		}
		if (leftovers.length) {
			throw new Error(
				`outboxes not empty after ${(workMs / 1000).toFixed(1)} s ` +
					`(deadline ${WORK_DEADLINE_MS / 1000} s, ${acked.size}/${TOTAL} acknowledged):\n` +
					leftovers.join('\n')
			);
		}

		// the server's side, as the superuser
		const su2 = await superuserToken(server.url);
		const orders = await allOrders(server.url, su2);
		const onServer = new Set(orders.map((o) => o.id));
		const queued = new Set(phones.flatMap((p) => p.queued));
		const duplicates = orders.length - onServer.size;
		const lost = [...queued].filter((id) => !onServer.has(id));
		const extra = [...onServer].filter((id) => !queued.has(id));
		const perBuyer = new Map<string, number>();
		for (const o of orders) perBuyer.set(o.buyer, (perBuyer.get(o.buyer) ?? 0) + 1);
		const product = await api<{ stock: number }>(
			server.url,
			'GET',
			`/api/collections/products/records/${shop.product}`,
			su2
		);
		const lines = await api<{ totalItems: number }>(
			server.url,
			'GET',
			'/api/collections/order_lines/records?perPage=1',
			su2
		);
		const totalMs = performance.now() - t0;

		const s = proxy.stats;
		console.log(
			[
				`chaos (seed ${SEED}): ${DEVICES} devices x ${ORDERS_PER_DEVICE} orders ` +
					`(batches of ${BATCH_SIZES.join('/')}), ` +
					`${restarts.length} SIGKILL restarts ` +
					`(after ${restarts.map((r) => `${r.afterAcked} acked, back in ${(r.ms / 1000).toFixed(1)} s`).join('; ')})`,
				`  proxy: ${s.connections} connections, ${proxy.misbehaved} misbehaved ` +
					`(dropped ${s.dropped}, reset ${s.reset}, delayed ${s.delayed}, cut ${s.cut}), ` +
					`${s.upstreamErrors} refused/broken by the server`,
				`  devices: ${seen.pushes} pushes — ${seen.ok} answered, ${seen.network} network errors, ` +
					`${seen.timeout} timeouts, ${seen.server} unusable answers ` +
					`(${[...seen.serverStatus].map(([st, n]) => `${n}x HTTP ${st}`).join(', ') || 'none'}), ` +
					`${seen.auth} auth, ${seen.refused} refused; results: ${seen.applied} applied, ` +
					`${seen.duplicate} duplicate (resent after an unknown outcome), ${seen.rejected} rejected`,
				`  server holds ${orders.length} orders (${lines.totalItems} lines), ${duplicates} duplicates, ` +
					`${lost.length} lost, ${extra.length} extra; stock taken ${1_000_000 - product.stock}; ` +
					`outboxes empty`,
				`  ${(totalMs / 1000).toFixed(1)} s (setup ${(setupMs / 1000).toFixed(1)} s, ` +
					`devices ${(workMs / 1000).toFixed(1)} s)`
			].join('\n')
		);

		expect(flushErrors).toEqual([]);
		expect(restarts).toHaveLength(2);
		expect(queued.size).toBe(TOTAL);
		expect(orders).toHaveLength(TOTAL);
		expect(duplicates).toBe(0);
		expect(lost).toEqual([]);
		expect(extra).toEqual([]);
		for (const b of buyers)
			expect(perBuyer.get(b.id), `orders of ${b.nip}`).toBe(ORDERS_PER_DEVICE);
		expect(lines.totalItems).toBe(TOTAL);
		expect(product.stock).toBe(1_000_000 - TOTAL); // stock taken once per order
		for (const p of phones) {
			expect(await p.store.countUnsent(p.buyer.owner)).toBe(0);
			expect(await p.store.countRejected(p.buyer.owner)).toBe(0);
			expect(await p.db.outbox.count()).toBe(0);
		}
		expect(seen.rejected).toBe(0);
		expect(s.dropped).toBeGreaterThan(0);
		expect(s.reset).toBeGreaterThan(0);
		expect(s.delayed).toBeGreaterThan(0);
		expect(s.cut).toBeGreaterThan(0);
		// every push was its own connection: the proxy's dice saw them all
		expect(s.connections).toBeGreaterThanOrEqual(seen.pushes);
	});
});
