import { describe, expect, it } from 'vitest';
import {
	actionsFor,
	holdsStock,
	isFinal,
	nextStatus,
	orderActions,
	orderStatuses,
	type OrderAction,
	type OrderRole,
	type OrderStatus
} from './order-state';
import { loadVectors } from './vectors';

type Vectors = {
	statuses: OrderStatus[];
	actions: OrderAction[];
	roles: OrderRole[];
	allowed: { from: OrderStatus; action: OrderAction; role: OrderRole; to: OrderStatus }[];
	final: OrderStatus[];
	holdsStock: OrderStatus[];
};
const v = loadVectors<Vectors>('order_transitions.json');

describe('order state machine (shared with Go)', () => {
	it('knows the same statuses and actions', () => {
		expect([...orderStatuses]).toEqual(v.statuses);
		expect([...orderActions]).toEqual(v.actions);
	});

	it('answers every status x action x role as the vectors say', () => {
		let checked = 0;
		for (const from of v.statuses)
			for (const action of v.actions)
				for (const role of v.roles) {
					const want = v.allowed.find(
						(a) => a.from === from && a.action === action && a.role === role
					);
					expect(nextStatus(from, action, role), `${from} ${action} ${role}`).toBe(
						want?.to ?? null
					);
					checked++;
				}
		expect(checked).toBe(300);
	});

	it('final and stock-holding statuses match', () => {
		for (const s of v.statuses) {
			expect(isFinal(s), s).toBe(v.final.includes(s));
			expect(holdsStock(s), s).toBe(v.holdsStock.includes(s));
		}
	});

	it('lists what a person may do now', () => {
		expect(actionsFor('placed', 'buyer')).toEqual(['cancel']);
		expect(actionsFor('placed', 'seller')).toEqual(['accept', 'reject']);
		expect(actionsFor('completed', 'buyer')).toEqual([]);
	});
});
