import { describe, expect, it } from 'vitest';
import { orderView, type OrderEntry } from './order-view';

const at = '2026-11-28T03:00:00.000Z';
const entry = (
	name: string,
	state: OrderEntry['state'],
	extra: Partial<OrderEntry> = {}
): OrderEntry => ({
	name,
	state,
	createdAt: at,
	...extra
});

describe('orderView', () => {
	it('is waiting on the device until sent, then sending until answered', () => {
		expect(orderView({ status: null, queuedAt: at }, [entry('order.place', 'pending')])).toEqual({
			kind: 'queued',
			since: at
		});
		expect(orderView({ status: null, queuedAt: at }, [entry('order.place', 'sent')])).toEqual({
			kind: 'sending',
			since: at
		});
	});

	it('shows the server refusal with its reason', () => {
		const refused = entry('order.place', 'rejected', {
			code: 'stall_unavailable',
			message: 'Lapak tutup permanen.'
		});
		expect(orderView({ status: null, queuedAt: at }, [refused])).toEqual({
			kind: 'refused',
			code: 'stall_unavailable',
			message: 'Lapak tutup permanen.'
		});
	});

	it("follows the server's status, with an action of the buyer not yet sent", () => {
		expect(orderView({ status: 'placed', queuedAt: at }, [])).toEqual({
			kind: 'server',
			status: 'placed',
			pending: null
		});
		expect(
			orderView({ status: 'placed', queuedAt: at }, [entry('order.cancel', 'pending')])
		).toEqual({
			kind: 'server',
			status: 'placed',
			pending: 'cancel'
		});
	});

	it('an order the server knows is never shown as queued again', () => {
		expect(
			orderView({ status: 'accepted', queuedAt: at }, [entry('order.place', 'sent')])
		).toMatchObject({
			kind: 'server',
			status: 'accepted'
		});
	});
});
