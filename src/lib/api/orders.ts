import * as z from 'zod/mini';
import type { ServerOrder } from '$lib/db/orders';
import { orderStatuses } from '$lib/domain/order-state';
import { client } from './client';
import { toAppError } from './errors';

const lineSchema = z.object({
	id: z.string(),
	product: z.string(),
	product_name: z.string(),
	unit: z.string(),
	qty: z.number(),
	price: z.number(),
	seen_price: z.number(),
	requested_qty: z.number()
});

const orderSchema = z.object({
	id: z.string(),
	stall: z.string(),
	status: z.enum(orderStatuses),
	total: z.number(),
	client_total: z.number(),
	delivery_method: z.enum(['opd', 'pickup']),
	payment_method: z.enum(['cod', 'qris']),
	note: z.string(),
	status_note: z.string(),
	confirmation: z.nullable(
		z.optional(z.object({ reasons: z.optional(z.nullable(z.array(z.string()))) }))
	),
	client_created: z.string(),
	updated: z.string(),
	expand: z.optional(
		z.object({
			stall: z.optional(z.object({ name: z.string() })),
			order_lines_via_order: z.optional(z.array(lineSchema))
		})
	)
});

/** The server's records → ServerOrder; records that do not fit are skipped (and counted). */
export function toServerOrders(items: unknown[]): { orders: ServerOrder[]; skipped: number } {
	const orders: ServerOrder[] = [];
	let skipped = 0;
	for (const item of items) {
		const p = orderSchema.safeParse(item);
		if (!p.success) {
			skipped++;
			continue;
		}
		const o = p.data;
		orders.push({
			id: o.id,
			stall: o.stall,
			stallName: o.expand?.stall?.name ?? '',
			status: o.status,
			total: o.total,
			clientTotal: o.client_total,
			delivery: o.delivery_method,
			payment: o.payment_method,
			note: o.note,
			statusNote: o.status_note,
			reasons: o.confirmation?.reasons ?? [],
			clientCreated: o.client_created.replace(' ', 'T'),
			updated: o.updated,
			lines: (o.expand?.order_lines_via_order ?? []).map((l) => ({
				id: l.id,
				product: l.product,
				name: l.product_name,
				unit: l.unit,
				qty: l.qty,
				price: l.price,
				seenPrice: l.seen_price,
				requestedQty: l.requested_qty
			}))
		});
	}
	return { orders, skipped };
}

/**
 * The signed-in account's orders changed at or after `since` (the API rules
 * limit them to the buyer's own, or the seller's stall's), oldest first.
 */
export async function fetchOrdersSince(since: string): Promise<unknown[]> {
	const pb = await client();
	try {
		const items: unknown[] = [];
		for (let page = 1; ; page++) {
			const res = await pb.collection('orders').getList(page, 200, {
				filter: since ? pb.filter('updated >= {:since}', { since }) : '',
				sort: 'updated,id',
				expand: 'stall,order_lines_via_order',
				skipTotal: true,
				requestKey: null
			});
			items.push(...res.items);
			if (res.items.length < 200) return items;
		}
	} catch (err) {
		throw toAppError(err);
	}
}

/**
 * Calls back on every change of this account's orders while connected, and
 * on each (re)connect: the server does not replay events missed while away,
 * so the caller pulls a delta each time. Returns the unsubscribe function.
 */
export async function watchOrders(onChange: () => void): Promise<() => Promise<void>> {
	const pb = await client();
	const unsubConnect = await pb.realtime.subscribe('PB_CONNECT', onChange);
	const unsubOrders = await pb.collection('orders').subscribe('*', onChange);
	return async () => {
		await unsubOrders();
		await unsubConnect();
	};
}
