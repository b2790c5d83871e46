import type { StoredCart } from '$lib/db/cart';
import { emptyCart, splitByStall, withQty, type CartLine, type StallCart } from '$lib/domain/cart';
import type { Rupiah } from '$lib/domain/money';
import { handleError } from './handle-error';
import { session } from './session.svelte';

// the database and its cart code load with the first cart read (not with the first page)
const store = () =>
	Promise.all([import('$lib/db/db').then((m) => m.loadDb()), import('$lib/db/cart')]);

/** The cart of whoever uses the device now; kept in IndexedDB after every change. */
class Cart {
	#cart = $state<StoredCart>(emptyCart());
	#owner: string | null = null;
	#loaded: Promise<void> | undefined;

	get lines(): readonly CartLine[] {
		return this.#cart.lines;
	}

	get byStall(): StallCart[] {
		return splitByStall(this.#cart.lines);
	}

	get count(): number {
		return this.#cart.lines.reduce((n, l) => n + l.qty, 0);
	}

	get total(): Rupiah {
		return this.byStall.reduce((sum, s) => sum + s.total, 0);
	}

	qtyOf(product: string): number {
		return this.#cart.lines.find((l) => l.product === product)?.qty ?? 0;
	}

	noteOf(stall: string): string {
		return this.#cart.notes[stall] ?? '';
	}

	/** Loads the cart of the current account (again when the account changed). */
	load(): Promise<void> {
		if (this.#loaded && this.#owner === session.owner) return this.#loaded;
		this.#owner = session.owner;
		const owner = this.#owner;
		const read = store().then(([db, c]) =>
			owner ? c.adoptGuestCart(db, owner) : c.loadCart(db, null)
		);
		// no usable database (private mode, full disk): an empty cart in memory, and the banner says why
		this.#loaded = read.then(
			(c) => void (this.#cart = c),
			(err: unknown) => void handleError(err)
		);
		return this.#loaded;
	}

	async setQty(line: Omit<CartLine, 'qty'>, qty: number): Promise<void> {
		await this.load();
		const lines = withQty($state.snapshot(this.#cart.lines), { ...line, qty }, qty);
		const stalls = new Set(lines.map((l) => l.stall));
		const notes = Object.fromEntries(
			Object.entries(this.#cart.notes).filter(([s]) => stalls.has(s))
		);
		await this.#save({ lines, notes });
	}

	async setNote(stall: string, note: string): Promise<void> {
		await this.load();
		await this.#save({
			lines: $state.snapshot(this.#cart.lines),
			notes: { ...this.#cart.notes, [stall]: note }
		});
	}

	/** After checkout: the stalls ordered leave the cart (the db already wrote it). */
	async reload(): Promise<void> {
		this.#loaded = undefined;
		await this.load();
	}

	// storage first, then memory: a failed write leaves the screen as stored
	async #save(next: StoredCart): Promise<void> {
		const [db, c] = await store();
		await c.saveCart(db, this.#owner, next);
		this.#cart = next;
	}
}

export const cart = new Cart();
