import { describe, expect, it } from 'vitest';
import { clampQty, linesTotal, splitByStall, withQty, type CartLine } from './cart';
import { loadVectors } from './vectors';

const line = (product: string, stall: string, price: number, qty: number): CartLine => ({
	product,
	stall,
	name: product,
	unit: 'pcs',
	price,
	qty
});

describe('cart', () => {
	it('splits per stall, one order each, in the order stalls were added', () => {
		const lines = [
			line('a', 'sanan', 15000, 2),
			line('k', 'dampit', 45000, 1),
			line('b', 'sanan', 17500, 1)
		];
		expect(splitByStall(lines)).toEqual([
			{ stall: 'sanan', lines: [lines[0], lines[2]], total: 47500, items: 3 },
			{ stall: 'dampit', lines: [lines[1]], total: 45000, items: 1 }
		]);
	});

	it('sets, replaces and removes quantities', () => {
		let cart: CartLine[] = [];
		cart = withQty(cart, line('a', 's', 1000, 1), 2);
		cart = withQty(cart, line('b', 's', 500, 1), 1);
		cart = withQty(cart, line('a', 's', 1000, 1), 5);
		expect(cart.map((l) => [l.product, l.qty])).toEqual([
			['a', 5],
			['b', 1]
		]);
		cart = withQty(cart, line('a', 's', 1000, 1), 0);
		expect(cart.map((l) => l.product)).toEqual(['b']);
	});

	it('keeps quantities whole and within limits', () => {
		expect([clampQty(-3), clampQty(2.7), clampQty(5000), clampQty(Number.NaN)]).toEqual([
			0, 2, 1000, 0
		]);
	});

	it('totals what the device shows exactly as the server computes clientTotal', () => {
		const v = loadVectors<{
			cases: {
				lines: { qty: number; seenPrice: number }[];
				expect?: { clientTotal: number };
			}[];
		}>('order_pricing.json');
		const priced = v.cases.filter((c) => c.expect);
		expect(priced.length).toBeGreaterThan(5);
		for (const c of priced) {
			expect(linesTotal(c.lines.map((l) => ({ price: l.seenPrice, qty: l.qty })))).toBe(
				c.expect?.clientTotal
			);
		}
	});
});
