// What the chaos test and the benchmarks set up on a fresh demo server, over
// its REST API as the demo superuser: buyers with valid NIPs, and one product
// with plenty of stock in a verified, open demo stall.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MalproDB } from '$lib/db/schema';
import { DexieOutbox, writeWithMutation } from '$lib/db/outbox';
import { parseNip } from '$lib/domain/nip';
import { SyncEngine } from '$lib/sync/engine';
import { newId } from '$lib/sync/ids';
import { createLocalLock } from '$lib/sync/lock';
import type { OutboxEntry, PushTransport } from '$lib/sync/types';

export const PASSWORD = 'malpro123';
export const PRICE = 15_000;
const SUPERUSER = { identity: 'admin@malpro.test', password: PASSWORD };

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** JSON over fetch; throws with the server's answer when the status is not 2xx. */
export async function api<T = Record<string, unknown>>(
	baseUrl: string,
	method: string,
	path: string,
	token?: string,
	body?: unknown
): Promise<T> {
	const res = await fetch(baseUrl + path, {
		method,
		headers: {
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(token ? { authorization: token } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
	return JSON.parse(text) as T;
}

type Auth = { token: string; record: { id: string } };
type List<T> = { items: T[]; totalItems: number; totalPages: number };

export async function superuserToken(baseUrl: string): Promise<string> {
	const auth = await api<Auth>(
		baseUrl,
		'POST',
		'/api/collections/_superusers/auth-with-password',
		undefined,
		SUPERUSER
	);
	return auth.token;
}

/**
 * n distinct valid NIPs: born 15 March 1990, appointed April 2015 (25 years
 * later), sex digit 1 or 2, sequence 001, 002, … (none is a demo account's).
 */
export function testNips(n: number): string[] {
	return Array.from({ length: n }, (_, i) => {
		const nip = `19900315201504${(i % 2) + 1}${String(i + 1).padStart(3, '0')}`;
		if (!parseNip(nip).ok) throw new Error(`test NIP ${nip} is not valid`);
		return nip;
	});
}

export type Buyer = { id: string; nip: string; token: string; owner: string };

/** Creates n active, verified buyers as the superuser and signs each in (by NIP). */
export async function createBuyers(baseUrl: string, su: string, n: number): Promise<Buyer[]> {
	const opds = await api<List<{ id: string }>>(
		baseUrl,
		'GET',
		'/api/collections/opds/records?perPage=1'
	);
	const opd = opds.items[0]?.id;
	if (!opd) throw new Error('the demo city has no OPD');
	return Promise.all(
		testNips(n).map(async (nip, i) => {
			const rec = await api<{ id: string }>(
				baseUrl,
				'POST',
				'/api/collections/buyers/records',
				su,
				{
					nip,
					name: `Pembeli Uji ${i + 1}`,
					opd,
					password: PASSWORD,
					passwordConfirm: PASSWORD,
					active: true,
					verified: true
				}
			);
			const auth = await api<Auth>(
				baseUrl,
				'POST',
				'/api/collections/buyers/auth-with-password',
				undefined,
				{ identity: nip, password: PASSWORD }
			);
			return { id: rec.id, nip, token: auth.token, owner: `buyers:${rec.id}` };
		})
	);
}

export type Shop = { stall: string; product: string; category: string };

/** One product (stock 1,000,000, price PRICE) in the demo stall "Keripik Tempe Sanan". */
export async function createProduct(baseUrl: string, su: string): Promise<Shop> {
	const filter = encodeURIComponent('name = "Keripik Tempe Sanan"');
	const stalls = await api<
		List<{ id: string; verification: string; is_open: boolean; categories: string[] }>
	>(baseUrl, 'GET', `/api/collections/stalls/records?filter=${filter}`);
	const stall = stalls.items[0];
	if (!stall || stall.verification !== 'verified' || !stall.is_open) {
		throw new Error(`the demo stall Keripik Tempe Sanan is missing, unverified or closed`);
	}
	const category = stall.categories[0];
	if (!category) throw new Error('the demo stall has no category');
	const product = await api<{ id: string }>(
		baseUrl,
		'POST',
		'/api/collections/products/records',
		su,
		{
			stall: stall.id,
			category,
			name: 'Keripik Tempe Uji Beban',
			unit: 'bungkus',
			price: PRICE,
			stock: 1_000_000,
			active: true
		}
	);
	return { stall: stall.id, product: product.id, category };
}

/** The args of one order.place for one piece of the test product (docs/sync-protocol.md). */
export function placeArgs(shop: Shop): Record<string, unknown> {
	return {
		order: newId(),
		stall: shop.stall,
		delivery: 'pickup',
		payment: 'cod',
		lines: [{ id: newId(), product: shop.product, qty: 1, seenPrice: PRICE }]
	};
}

/** A simulated phone: its own IndexedDB (fake-indexeddb), outbox and sync engine. */
export function makeDevice(opts: {
	name: string;
	owner: string;
	transport: PushTransport;
	random: () => number;
	/** mutations per push (the engine's default is 50) */
	batchSize?: number;
}) {
	const db = new MalproDB(`malpro-${opts.name}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new DexieOutbox(db);
	const engine = new SyncEngine({
		store,
		transport: opts.transport,
		lock: createLocalLock(),
		clock: {
			now: () => Date.now(),
			setTimeout: (fn, ms) => setTimeout(fn, ms),
			clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
		},
		random: opts.random,
		owner: () => opts.owner,
		clientId: opts.name,
		batchSize: opts.batchSize
	});
	return {
		db,
		store,
		engine,
		queue: (args: Record<string, unknown>): Promise<OutboxEntry> =>
			writeWithMutation(db, { owner: opts.owner, name: 'order.place', args })
	};
}

export type Device = ReturnType<typeof makeDevice>;

/** Every order id on the server (as the superuser), with its buyer. */
export async function allOrders(
	baseUrl: string,
	su: string
): Promise<{ id: string; buyer: string }[]> {
	const out: { id: string; buyer: string }[] = [];
	for (let page = 1; ; page++) {
		const list = await api<List<{ id: string; buyer: string }>>(
			baseUrl,
			'GET',
			`/api/collections/orders/records?perPage=500&page=${page}&fields=id,buyer&sort=id`,
			su
		);
		out.push(...list.items);
		if (page >= list.totalPages) return out;
	}
}
