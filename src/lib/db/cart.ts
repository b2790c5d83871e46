import * as z from 'zod/mini';
import { emptyCart, type CartContent } from '$lib/domain/cart';
import type { MalproDB } from './db';

/** The cart as kept on the device. */
export type StoredCart = CartContent;

const cartSchema = z.object({
	lines: z.array(
		z.object({
			product: z.string(),
			stall: z.string(),
			name: z.string(),
			unit: z.string(),
			price: z.number().check(z.int(), z.nonnegative()),
			qty: z.number().check(z.int(), z.positive())
		})
	),
	notes: z.record(z.string(), z.string())
});

/** Each signed-in account has its own cart; a visitor's is "guest". */
export const cartKey = (owner: string | null) => `cart:${owner ?? 'guest'}`;

/** The kept cart, or an empty one if there is none or it cannot be read (an old format). */
export async function loadCart(db: MalproDB, owner: string | null): Promise<StoredCart> {
	const row = await db.kv.get(cartKey(owner));
	const parsed = cartSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : emptyCart();
}

/** Keeps the cart (plain data, not a $state proxy): it survives reloads, closed tabs and app updates. */
export async function saveCart(
	db: MalproDB,
	owner: string | null,
	cart: StoredCart
): Promise<void> {
	await db.kv.put({ key: cartKey(owner), value: cart });
}

/**
 * A visitor's cart joins the account's at sign-in (the same product keeps the
 * larger quantity), and the visitor's is emptied: one transaction.
 */
export async function adoptGuestCart(db: MalproDB, owner: string): Promise<StoredCart> {
	return db.transaction('rw', db.kv, async () => {
		const guest = await loadCart(db, null);
		const own = await loadCart(db, owner);
		if (guest.lines.length === 0) return own;
		const lines = [...own.lines];
		for (const g of guest.lines) {
			const at = lines.findIndex((l) => l.product === g.product);
			if (at < 0) lines.push(g);
			else lines[at] = { ...g, qty: Math.max(g.qty, lines[at]?.qty ?? 0) };
		}
		const merged = { lines, notes: { ...guest.notes, ...own.notes } };
		await db.kv.put({ key: cartKey(owner), value: merged });
		await db.kv.delete(cartKey(null));
		return merged;
	});
}
