import type { Rupiah } from './money';

/** Limits shared with the server (pocketbase/domain/pricing.go). */
export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QTY = 1000;

/** One product in the cart, with the price the buyer saw (compared by the server, not charged). */
export type CartLine = {
	product: string;
	stall: string;
	name: string;
	unit: string;
	price: Rupiah;
	qty: number;
};

/** The part of the cart that becomes one order: each stall gets its own. */
/** A cart: lines in the order they were added, a note per stall (kept by src/lib/db/cart.ts). */
export type CartContent = { lines: CartLine[]; notes: Record<string, string> };

export const emptyCart = (): CartContent => ({ lines: [], notes: {} });

export type StallCart = { stall: string; lines: CartLine[]; total: Rupiah; items: number };

/** Sum of price x qty in integer rupiah: what the device shows (the server's clientTotal). */
export function linesTotal(lines: readonly Pick<CartLine, 'price' | 'qty'>[]): Rupiah {
	return lines.reduce((sum, l) => sum + l.price * l.qty, 0);
}

/** The cart split per stall, stalls in the order they were first added. */
export function splitByStall(lines: readonly CartLine[]): StallCart[] {
	const byStall = new Map<string, CartLine[]>();
	for (const line of lines) {
		const list = byStall.get(line.stall) ?? [];
		list.push(line);
		byStall.set(line.stall, list);
	}
	return [...byStall].map(([stall, ls]) => ({
		stall,
		lines: ls,
		total: linesTotal(ls),
		items: ls.reduce((n, l) => n + l.qty, 0)
	}));
}

/** A quantity people may order: a whole number from 0 (remove) to the limit. */
export function clampQty(qty: number): number {
	if (!Number.isFinite(qty)) return 0;
	return Math.min(MAX_LINE_QTY, Math.max(0, Math.trunc(qty)));
}

/** The cart with product's quantity set (0 removes it); other lines keep their order. */
export function withQty(lines: readonly CartLine[], line: CartLine, qty: number): CartLine[] {
	const q = clampQty(qty);
	const rest = lines.filter((l) => l.product !== line.product);
	if (q === 0) return rest;
	const at = lines.findIndex((l) => l.product === line.product);
	const next = { ...line, qty: q };
	if (at < 0) return [...lines, next];
	return lines.map((l) => (l.product === line.product ? next : l));
}
