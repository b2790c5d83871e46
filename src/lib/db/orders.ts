import * as z from 'zod/mini';
import type { StallCart } from '$lib/domain/cart';
import type { OrderStatus } from '$lib/domain/order-state';
import { newId } from '$lib/sync/ids';
import type { MutationResult, OutboxEntry } from '$lib/sync/types';
import { cartKey, loadCart } from './cart';
import type { MalproDB } from './db';
import { writeWithMutations, type ResultApplier } from './outbox';

export type OrderLine = {
	id: string;
	product: string;
	name: string;
	unit: string;
	qty: number;
	/** what the server charges; until it answers, the price the buyer saw */
	price: number;
	seenPrice: number;
	requestedQty: number;
};

/** An order as this device knows it: placed here, and what the server last said of it. */
export type LocalOrder = {
	id: string;
	owner: string;
	stall: string;
	stallName: string;
	lines: OrderLine[];
	total: number;
	clientTotal: number;
	delivery: 'opd' | 'pickup';
	payment: 'cod' | 'qris';
	note: string;
	/** when the buyer placed it on the device (ISO) */
	queuedAt: string;
	/** null until the server has answered for it */
	status: OrderStatus | null;
	/** why it needs confirmation (price_changed, stock_short, stall_closed, stale) */
	reasons: string[];
	/** the seller's or buyer's reason for a rejection or cancellation */
	statusNote: string;
	/** the server's `updated` of this order ('' until pulled) */
	updated: string;
};

export type CheckoutChoice = { delivery: 'opd' | 'pickup'; payment: 'cod' | 'qris' };

/**
 * Checkout: one order.place per stall, the local orders and the cart change in
 * ONE transaction (tables outbox, orders, kv). Offline this is the whole of
 * checkout; the orders are sent when the device is online again.
 */
export async function placeOrders(
	db: MalproDB,
	owner: string,
	stallCarts: StallCart[],
	stallNames: Record<string, string>,
	choice: CheckoutChoice,
	notes: Record<string, string>,
	now = new Date()
): Promise<LocalOrder[]> {
	const orders: LocalOrder[] = stallCarts.map((sc) => ({
		id: newId(),
		owner,
		stall: sc.stall,
		stallName: stallNames[sc.stall] ?? '',
		lines: sc.lines.map((l) => ({
			id: newId(),
			product: l.product,
			name: l.name,
			unit: l.unit,
			qty: l.qty,
			price: l.price,
			seenPrice: l.price,
			requestedQty: l.qty
		})),
		total: sc.total,
		clientTotal: sc.total,
		delivery: choice.delivery,
		payment: choice.payment,
		note: (notes[sc.stall] ?? '').trim(),
		queuedAt: now.toISOString(),
		status: null,
		reasons: [],
		statusNote: '',
		updated: ''
	}));
	const mutations = orders.map((o) => ({
		owner,
		name: 'order.place' as const,
		now,
		args: {
			order: o.id,
			stall: o.stall,
			delivery: o.delivery,
			payment: o.payment,
			note: o.note,
			lines: o.lines.map((l) => ({
				id: l.id,
				product: l.product,
				qty: l.qty,
				seenPrice: l.seenPrice
			}))
		}
	}));
	const ordered = new Set(orders.map((o) => o.stall));
	await writeWithMutations(db, mutations, [db.orders, db.kv], async () => {
		await db.orders.bulkAdd(orders);
		const cart = await loadCart(db, owner);
		await db.kv.put({
			key: cartKey(owner),
			value: {
				lines: cart.lines.filter((l) => !ordered.has(l.stall)),
				notes: Object.fromEntries(Object.entries(cart.notes).filter(([s]) => !ordered.has(s)))
			}
		});
	});
	return orders;
}

const answerSchema = z.object({
	order: z.string(),
	status: z.string(),
	total: z.optional(z.number()),
	clientTotal: z.optional(z.number()),
	reasons: z.optional(z.nullable(z.array(z.string()))),
	lines: z.optional(
		z.array(
			z.object({
				product: z.string(),
				qty: z.number(),
				price: z.number(),
				requestedQty: z.number()
			})
		)
	)
});

/** The server's answer to an order mutation, brought into the local order. */
export const orderResultApplier: ResultApplier = {
	tables: (db) => [db.orders],
	apply: async (db: MalproDB, entry: OutboxEntry, result: MutationResult) => {
		if (!entry.name.startsWith('order.') || result.status === 'rejected') return;
		const answer = answerSchema.safeParse(result.data);
		if (!answer.success) return;
		const a = answer.data;
		await db.orders
			.where('id')
			.equals(a.order)
			.modify((o) => {
				o.status = a.status as OrderStatus;
				if (a.total !== undefined) o.total = a.total;
				if (a.reasons) o.reasons = a.reasons;
				for (const line of a.lines ?? []) {
					const local = o.lines.find((l) => l.product === line.product);
					if (local) Object.assign(local, { qty: line.qty, price: line.price });
				}
			});
	}
};

/** The server's view of an order (a pulled record with its lines), stored as the truth. */
export type ServerOrder = {
	id: string;
	stall: string;
	stallName: string;
	status: OrderStatus;
	total: number;
	clientTotal: number;
	delivery: 'opd' | 'pickup';
	payment: 'cod' | 'qris';
	note: string;
	statusNote: string;
	reasons: string[];
	clientCreated: string;
	updated: string;
	lines: OrderLine[];
};

/** Stores pulled orders: the server's fields win; the time it was queued here stays. */
export async function mergeServerOrders(
	db: MalproDB,
	owner: string,
	orders: ServerOrder[]
): Promise<void> {
	if (orders.length === 0) return;
	await db.transaction('rw', db.orders, async () => {
		const known = await db.orders.bulkGet(orders.map((o) => o.id));
		await db.orders.bulkPut(
			orders.map((o, i): LocalOrder => {
				const local = known[i];
				return {
					id: o.id,
					owner,
					stall: o.stall,
					stallName: o.stallName || local?.stallName || '',
					lines: o.lines,
					total: o.total,
					clientTotal: o.clientTotal,
					delivery: o.delivery,
					payment: o.payment,
					note: o.note,
					queuedAt: local?.queuedAt ?? o.clientCreated,
					status: o.status,
					reasons: o.reasons,
					statusNote: o.statusNote,
					updated: o.updated
				};
			})
		);
	});
}

/** This account's orders, newest first. */
export function listOrders(db: MalproDB, owner: string): Promise<LocalOrder[]> {
	return db.orders
		.where('[owner+queuedAt]')
		.between([owner, ''], [owner, '\uffff'])
		.reverse()
		.toArray();
}

/**
 * This account's orders (newest first) and its outbox entries, read as of one
 * moment: a send that commits meanwhile (the entry gone, the order's status set)
 * is seen whole or not at all. Read-only; the device's rows, so offline too.
 */
export function readMyOrders(
	db: MalproDB,
	owner: string
): Promise<{ orders: LocalOrder[]; entries: OutboxEntry[] }> {
	return db.transaction('r', db.orders, db.outbox, async () => ({
		orders: await listOrders(db, owner),
		entries: await db.outbox
			.where('[owner+seq]')
			.between([owner, -Infinity], [owner, Infinity])
			.toArray()
	}));
}
