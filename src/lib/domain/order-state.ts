/**
 * The order state machine, as the app reads it (to show which buttons apply).
 * Only the server changes a status; pocketbase/domain/order_state.go holds the
 * same table, and tests/vectors/order_transitions.json holds both to it.
 */
export const orderStatuses = [
	'placed',
	'needs_confirmation',
	'accepted',
	'rejected',
	'ready',
	'on_the_way',
	'delivered',
	'completed',
	'cancelled',
	'expired'
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderActions = [
	'confirm',
	'cancel',
	'accept',
	'reject',
	'ready',
	'ship',
	'deliver',
	'receive',
	'expire',
	'auto_complete'
] as const;
export type OrderAction = (typeof orderActions)[number];

export type OrderRole = 'buyer' | 'seller' | 'system';

type Move = readonly [from: OrderStatus, action: OrderAction, role: OrderRole, to: OrderStatus];

const moves: readonly Move[] = [
	['needs_confirmation', 'confirm', 'buyer', 'placed'],
	['needs_confirmation', 'cancel', 'buyer', 'cancelled'],
	['placed', 'cancel', 'buyer', 'cancelled'],
	['placed', 'accept', 'seller', 'accepted'],
	['placed', 'reject', 'seller', 'rejected'],
	['accepted', 'ready', 'seller', 'ready'],
	['accepted', 'ship', 'seller', 'on_the_way'],
	['ready', 'ship', 'seller', 'on_the_way'],
	['ready', 'deliver', 'seller', 'delivered'], // picked up at the stall
	['on_the_way', 'deliver', 'seller', 'delivered'],
	['delivered', 'receive', 'buyer', 'completed'],
	['placed', 'expire', 'system', 'expired'],
	['needs_confirmation', 'expire', 'system', 'expired'],
	['delivered', 'auto_complete', 'system', 'completed']
];

/** Where action by role moves an order in status from, or null when not allowed. */
export function nextStatus(
	from: OrderStatus,
	action: OrderAction,
	role: OrderRole
): OrderStatus | null {
	return moves.find(([f, a, r]) => f === from && a === action && r === role)?.[3] ?? null;
}

/** The actions a person in role may ask for now. */
export function actionsFor(status: OrderStatus, role: OrderRole): OrderAction[] {
	return moves.filter(([f, , r]) => f === status && r === role).map(([, a]) => a);
}

const final: ReadonlySet<OrderStatus> = new Set(['rejected', 'completed', 'cancelled', 'expired']);
export const isFinal = (s: OrderStatus): boolean => final.has(s);

const holding: ReadonlySet<OrderStatus> = new Set([
	'placed',
	'accepted',
	'ready',
	'on_the_way',
	'delivered',
	'completed'
]);
/** Statuses in which the order's quantities are taken from stock. */
export const holdsStock = (s: OrderStatus): boolean => holding.has(s);
