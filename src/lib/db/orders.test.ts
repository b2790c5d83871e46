import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { splitByStall, type CartLine } from '$lib/domain/cart';
import { loadCart, saveCart } from './cart';
import { MalproDB } from './schema';
import {
	listOrders,
	mergeServerOrders,
	orderResultApplier,
	placeOrders,
	readMyOrders
} from './orders';
import { DexieOutbox } from './outbox';

const OWNER = 'buyers:buyera000000001';
const line = (product: string, stall: string, price: number, qty: number): CartLine => ({
	product,
	stall,
	name: product,
	unit: 'pcs',
	price,
	qty
});

const freshDb = () => new MalproDB('orders-test', { indexedDB: new IDBFactory(), IDBKeyRange });

describe('checkout on the device', () => {
	it('writes one order.place per stall, the local orders and the emptied cart together', async () => {
		const db = freshDb();
		const lines = [line('a', 'sanan', 15000, 2), line('k', 'dampit', 45000, 1)];
		await saveCart(db, OWNER, { lines, notes: { sanan: 'Pedas' } });
		const orders = await placeOrders(
			db,
			OWNER,
			splitByStall(lines),
			{ sanan: 'Keripik Tempe Sanan' },
			{ delivery: 'opd', payment: 'cod' },
			{ sanan: 'Pedas' },
			new Date('2026-11-28T03:00:00Z')
		);
		expect(orders.map((o) => [o.stall, o.total, o.status])).toEqual([
			['sanan', 30000, null],
			['dampit', 45000, null]
		]);
		const outbox = await db.outbox.toArray();
		expect(outbox.map((e) => [e.name, (e.args as { order: string }).order])).toEqual(
			orders.map((o) => ['order.place', o.id])
		);
		expect((outbox[0]?.args as { note: string; lines: unknown[] }).note).toBe('Pedas');
		expect((await loadCart(db, OWNER)).lines).toEqual([]);
		expect(await listOrders(db, OWNER)).toHaveLength(2);
	});

	it("brings the server's answer into the order when the outbox settles", async () => {
		const db = freshDb();
		const [order] = await placeOrders(
			db,
			OWNER,
			splitByStall([line('a', 'sanan', 14000, 2)]),
			{},
			{ delivery: 'opd', payment: 'cod' },
			{}
		);
		const outbox = new DexieOutbox(db, [orderResultApplier]);
		const [entry] = await db.outbox.toArray();
		await outbox.settle([
			{
				id: entry?.id ?? '',
				status: 'applied',
				data: {
					order: order?.id,
					status: 'needs_confirmation',
					total: 30000,
					clientTotal: 28000,
					reasons: ['price_changed'],
					lines: [{ product: 'a', qty: 2, price: 15000, requestedQty: 2 }]
				}
			}
		]);
		const [stored] = await listOrders(db, OWNER);
		expect(stored).toMatchObject({
			status: 'needs_confirmation',
			total: 30000,
			reasons: ['price_changed']
		});
		expect(stored?.lines[0]).toMatchObject({ qty: 2, price: 15000, seenPrice: 14000 });
		expect(await db.outbox.count()).toBe(0);
	});

	it('takes pulled server orders as the truth and keeps when it was queued here', async () => {
		const db = freshDb();
		const [order] = await placeOrders(
			db,
			OWNER,
			splitByStall([line('a', 'sanan', 15000, 1)]),
			{},
			{ delivery: 'opd', payment: 'cod' },
			{},
			new Date('2026-11-28T03:00:00Z')
		);
		await mergeServerOrders(db, OWNER, [
			{
				id: order?.id ?? '',
				stall: 'sanan',
				stallName: 'Keripik Tempe Sanan',
				status: 'accepted',
				total: 15000,
				clientTotal: 15000,
				delivery: 'opd',
				payment: 'cod',
				note: '',
				statusNote: '',
				reasons: [],
				clientCreated: '2026-11-28T03:00:00.000Z',
				updated: '2026-11-28 03:05:00.000Z',
				lines: []
			}
		]);
		const [stored] = await listOrders(db, OWNER);
		expect(stored).toMatchObject({
			status: 'accepted',
			stallName: 'Keripik Tempe Sanan',
			queuedAt: '2026-11-28T03:00:00.000Z'
		});
	});
});

describe('"Pesanan saya" read from the device', () => {
	it('sees an order and its outbox entry as of one moment, while a send commits', async () => {
		const db = freshDb();
		const lines = [line('a', 'sanan', 15000, 2)];
		const [order] = await placeOrders(
			db,
			OWNER,
			splitByStall(lines),
			{ sanan: 'Keripik Tempe Sanan' },
			{ delivery: 'opd', payment: 'cod' },
			{},
			new Date('2026-11-28T03:00:00Z')
		);
		if (!order) throw new Error('no order placed');

		// the read starts, then a send commits (its entry gone, the order's status set)
		const reading = readMyOrders(db, OWNER);
		const sending = db.transaction('rw', db.orders, db.outbox, async () => {
			await db.outbox.clear();
			await db.orders.update(order.id, { status: 'placed' });
		});
		const [read] = await Promise.all([reading, sending]);

		const seen = [read.orders[0]?.status ?? null, read.entries.length];
		expect([
			[null, 1],
			['placed', 0]
		]).toContainEqual(seen);
		// and the next read sees the send
		const after = await readMyOrders(db, OWNER);
		expect([after.orders[0]?.status, after.entries.length]).toEqual(['placed', 0]);
	});

	it("reads one account's orders and entries only", async () => {
		const db = freshDb();
		for (const owner of [OWNER, 'buyers:buyerb000000002']) {
			await placeOrders(
				db,
				owner,
				splitByStall([line('a', 'sanan', 15000, 1)]),
				{ sanan: 'Keripik Tempe Sanan' },
				{ delivery: 'pickup', payment: 'cod' },
				{},
				new Date('2026-11-28T03:00:00Z')
			);
		}
		const read = await readMyOrders(db, OWNER);
		expect(read.orders.map((o) => o.owner)).toEqual([OWNER]);
		expect(read.entries.map((e) => e.owner)).toEqual([OWNER]);
	});
});
