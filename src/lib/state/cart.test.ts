import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

const keripik = {
	product: 'prodkripik00001',
	stall: 'stallsanan00001',
	name: 'Keripik Tempe',
	unit: 'pack',
	price: 15000
};
const kopi = {
	product: 'prodkopi0000001',
	stall: 'stalldampit0001',
	name: 'Kopi Dampit',
	unit: '250 g',
	price: 45000
};

/** A fresh start of the app (new modules), with the same IndexedDB. */
const freshCart = async () => {
	vi.resetModules();
	return (await import('./cart.svelte')).cart;
};

describe('the cart kept on the device', () => {
	it('splits per stall, totals in rupiah, and survives a restart', async () => {
		const cart = await freshCart();
		await cart.setQty(keripik, 2);
		await cart.setQty(kopi, 1);
		await cart.setNote(keripik.stall, 'Tanpa MSG');
		expect(cart.count).toBe(3);
		expect(cart.total).toBe(75000);
		expect(cart.byStall.map((s) => [s.stall, s.total])).toEqual([
			[keripik.stall, 30000],
			[kopi.stall, 45000]
		]);

		const again = await freshCart();
		await again.load();
		expect(again.qtyOf(keripik.product)).toBe(2);
		expect(again.noteOf(keripik.stall)).toBe('Tanpa MSG');
		expect(again.total).toBe(75000);
	});

	it('removes a line at 0 and drops the note of a stall with nothing left', async () => {
		const cart = await freshCart();
		await cart.load();
		await cart.setQty(keripik, 0);
		expect(cart.qtyOf(keripik.product)).toBe(0);
		expect(cart.noteOf(keripik.stall)).toBe('');
		expect(cart.byStall.map((s) => s.stall)).toEqual([kopi.stall]);
	});
});

describe('a visitor who signs in', () => {
	it("brings the visitor's cart into the account's", async () => {
		const { db } = await import('$lib/db/db');
		const { adoptGuestCart, loadCart, saveCart } = await import('$lib/db/cart');
		const database = db();
		await saveCart(database, null, {
			lines: [{ ...kopi, qty: 2 }],
			notes: { [kopi.stall]: 'Giling halus' }
		});
		const merged = await adoptGuestCart(database, 'buyers:buyera000000001');
		expect(merged.lines.map((l) => [l.product, l.qty])).toContainEqual([kopi.product, 2]);
		expect(merged.notes[kopi.stall]).toBe('Giling halus');
		expect((await loadCart(database, null)).lines).toEqual([]);
	});
});
