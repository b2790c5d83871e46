import type { OrderStatus } from './order-state';

/** What the buyer sees of an order: the device's part first, then the server's. */
export type OrderView =
	| { kind: 'queued'; since: string } // waiting on this device to be sent
	| { kind: 'sending'; since: string } // sent, no answer yet (resent if needed)
	| { kind: 'refused'; code: string; message: string } // the server rejected placing it
	| { kind: 'server'; status: OrderStatus; pending: string | null }; // pending: an action not yet sent

/** The outbox entries that concern one order (its order.place and later actions). */
export type OrderEntry = {
	name: string;
	state: 'pending' | 'sent' | 'applied' | 'duplicate' | 'rejected';
	createdAt: string;
	code?: string;
	message?: string;
};

export function orderView(
	order: { status: OrderStatus | null; queuedAt: string },
	entries: OrderEntry[]
): OrderView {
	const place = entries.find((e) => e.name === 'order.place');
	if (order.status === null) {
		if (place?.state === 'rejected') {
			return { kind: 'refused', code: place.code ?? 'unknown', message: place.message ?? '' };
		}
		if (place?.state === 'sent') return { kind: 'sending', since: order.queuedAt };
		return { kind: 'queued', since: order.queuedAt };
	}
	const action = entries.find(
		(e) => e.name !== 'order.place' && (e.state === 'pending' || e.state === 'sent')
	);
	return {
		kind: 'server',
		status: order.status,
		pending: action ? action.name.slice('order.'.length) : null
	};
}
