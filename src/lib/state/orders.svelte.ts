import { fetchOrdersSince, toServerOrders, watchOrders } from '$lib/api/orders';
import { foldedRuns } from '$lib/sync/folded-runs';
import { db } from '$lib/db/db';
import { getValue, putValue } from '$lib/db/kv';
import {
	mergeServerOrders,
	placeOrders,
	readMyOrders,
	type CheckoutChoice,
	type LocalOrder
} from '$lib/db/orders';
import type { StallCart } from '$lib/domain/cart';
import { orderView, type OrderView } from '$lib/domain/order-view';
import { shift } from '$lib/sync/cursor';
import type { OutboxEntry } from '$lib/sync/types';
import { onMount } from 'svelte';
import { cart } from './cart.svelte';
import { handleError } from './handle-error';
import { session } from './session.svelte';
import { sync } from './sync.svelte';

export type OrderWithView = LocalOrder & { view: OrderView };

/** Re-read a little before the last change seen: autodate ties and late commits. */
const OVERLAP_MS = 2_000;
const cursorKey = (owner: string) => `orders.cursor:${owner}`;

/** "Pesanan saya": the orders of the signed-in buyer, queued here or known by the server. */
class MyOrders {
	#orders = $state<LocalOrder[]>([]);
	#entries = $state<OutboxEntry[]>([]);
	/** the latest load(): an older one finishing later must not win */
	#loads = 0;
	#stopLive: (() => Promise<void>) | undefined;

	get list(): OrderWithView[] {
		return this.#orders.map((o) => ({ ...o, view: this.#viewOf(o) }));
	}

	byId(id: string): OrderWithView | undefined {
		return this.list.find((o) => o.id === id);
	}

	#viewOf(o: LocalOrder): OrderView {
		const entries = this.#entries.filter((e) => (e.args as { order?: string }).order === o.id);
		return orderView(o, entries);
	}

	/** Reads what this device holds (works offline). */
	async load(): Promise<void> {
		const seq = ++this.#loads;
		const owner = session.owner;
		if (!owner) {
			this.#orders = [];
			this.#entries = [];
			return;
		}
		// the orders and what is still to be sent about them, as of one moment
		const { orders, entries } = await readMyOrders(db(), owner);
		if (seq !== this.#loads) return;
		this.#orders = orders;
		this.#entries = entries;
	}

	/** Names of stalls from the cached catalog (offline too). */
	async stallNames(ids: string[]): Promise<Record<string, string>> {
		const known = await db().stalls.bulkGet(ids);
		return Object.fromEntries(known.flatMap((s) => (s ? [[s.id, s.name]] : [])));
	}

	/** Checkout of the whole cart: one order per stall, in one local transaction. */
	async checkout(stalls: StallCart[], choice: CheckoutChoice): Promise<LocalOrder[]> {
		const owner = session.owner;
		if (!owner) throw new Error('checkout needs a signed-in buyer');
		const names = await this.stallNames(stalls.map((s) => s.stall));
		const notes = Object.fromEntries(stalls.map((s) => [s.stall, cart.noteOf(s.stall)]));
		const placed = await placeOrders(db(), owner, stalls, names, choice, notes);
		await cart.reload();
		await this.load();
		void sync.flush();
		return placed;
	}

	/** The buyer's answer to an order: confirm new totals, cancel, or confirm receipt. */
	async act(order: string, action: 'confirm' | 'cancel' | 'receive', reason = ''): Promise<void> {
		await sync.enqueue(`order.${action}`, action === 'cancel' ? { order, reason } : { order });
		await this.load();
	}

	/** Drops an order the server refused from this device's list. */
	async forget(id: string): Promise<void> {
		await db().orders.delete(id);
		await this.load();
	}

	/**
	 * A delta pull of this account's orders, one at a time: a change heard while
	 * one runs (the seller ships, then hands over) pulls once more after it.
	 */
	readonly pull: () => Promise<void> = foldedRuns(() => this.#pull());

	async #pull(): Promise<void> {
		const owner = session.owner;
		if (!owner) return;
		const database = db();
		const cursor = ((await getValue(database, cursorKey(owner))) as string | undefined) ?? '';
		const since = cursor ? (shift(cursor, -OVERLAP_MS) ?? '') : '';
		try {
			const { orders } = toServerOrders(await fetchOrdersSince(since));
			await mergeServerOrders(database, owner, orders);
			const newest = orders.reduce((max, o) => (o.updated > max ? o.updated : max), cursor);
			if (newest !== cursor) await putValue(database, cursorKey(owner), newest);
		} catch (err) {
			handleError(err); // offline: what is on the device stays shown
		}
		await this.load();
	}

	/** While the page is open: live updates, each (re)connect pulling a delta first. */
	async startLive(): Promise<void> {
		await this.stopLive();
		await this.load();
		void this.pull();
		try {
			this.#stopLive = await watchOrders(() => void this.pull());
		} catch (err) {
			handleError(err); // offline: the timer and triggers pull later
		}
	}

	async stopLive(): Promise<void> {
		await this.#stopLive?.().catch(() => undefined);
		this.#stopLive = undefined;
	}
}

export const myOrders = new MyOrders();

/**
 * For a page showing orders (call during component init): live while mounted,
 * and re-read from the device after every server answer the sync brings.
 */
export function followOrders(): void {
	onMount(() => {
		void myOrders.startLive();
		return () => void myOrders.stopLive();
	});
	$effect(() => {
		void sync.status.lastSyncAt;
		void sync.status.unsent;
		void myOrders.load();
	});
}
