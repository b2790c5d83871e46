import * as z from 'zod/mini';
import type { CartLine } from '$lib/domain/cart';
import type { MalproDB } from './db';

/** The cart as kept on the device: lines in the order they were added, a note per stall. */
export type StoredCart = { lines: CartLine[]; notes: Record<string, string> };

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

export const emptyCart = (): StoredCart => ({ lines: [], notes: {} });

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
