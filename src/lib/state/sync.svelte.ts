import type { Table } from 'dexie';
import { client } from '$lib/api/client';
import { createPushTransport } from '$lib/api/sync-push';
import { db } from '$lib/db/db';
import { getValue, putValue } from '$lib/db/kv';
import { orderResultApplier } from '$lib/db/orders';
import { DexieOutbox, writeWithMutation } from '$lib/db/outbox';
import { SyncEngine } from '$lib/sync/engine';
import { newId } from '$lib/sync/ids';
import { createSyncLock } from '$lib/sync/lock';
import { requestBackgroundSync, startSyncTriggers } from '$lib/sync/triggers';
import type { MutationName, OutboxEntry, SyncStatus } from '$lib/sync/types';
import { session } from './session.svelte';

const CLIENT_ID_KEY = 'sync.clientId';
const LAST_OWNER_KEY = 'sync.lastOwner';

/**
 * This device's sync, as the pages see it: how many changes wait, whether the
 * sign-in must be renewed, and the one funnel for writes that must reach the server.
 */
class SyncState {
	#status = $state<SyncStatus>({
		state: 'idle',
		unsent: 0,
		rejected: 0,
		lastSyncAt: null,
		nextRetryAt: null
	});
	#engine: SyncEngine | undefined;
	#outbox: DexieOutbox | undefined;
	#lastOwner: string | null = null;
	#stop: (() => void) | undefined;

	get status(): SyncStatus {
		return this.#status;
	}

	/** Starts syncing in this tab (once): outbox, engine, triggers, sign-out guard. */
	async start(): Promise<void> {
		if (this.#engine) return;
		const database = db();
		// server answers update the local orders in the same transaction
		this.#outbox = new DexieOutbox(database, [orderResultApplier]);
		const outbox = this.#outbox;
		let clientId = (await getValue(database, CLIENT_ID_KEY)) as string | undefined;
		if (!clientId) {
			clientId = newId();
			await putValue(database, CLIENT_ID_KEY, clientId);
		}
		this.#lastOwner = ((await getValue(database, LAST_OWNER_KEY)) as string | undefined) ?? null;

		this.#engine = new SyncEngine({
			store: outbox,
			transport: createPushTransport({
				baseUrl: location.origin,
				token: async () => {
					const { authStore } = await client();
					return authStore.isValid ? authStore.token : '';
				}
			}),
			lock: createSyncLock(),
			clock: {
				now: () => Date.now(),
				setTimeout: (fn, ms) => setTimeout(fn, ms),
				clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
			},
			random: Math.random,
			// an expired sign-in keeps its queue: the last owner's changes still count
			owner: () => session.owner ?? this.#lastOwner,
			clientId,
			onStatus: (s) => (this.#status = this.#withSignIn(s))
		});
		session.guardSignOut((owner) => outbox.countUnsent(owner));

		this.#stop = startSyncTriggers({
			engine: this.#engine,
			probe: async () => (await fetch('/api/health', { cache: 'no-store' })).ok
		});
	}

	stop(): void {
		this.#stop?.();
	}

	/** The person asked to send now. */
	flush(): Promise<SyncStatus> | undefined {
		return this.#engine?.flush();
	}

	/**
	 * The one funnel for a change that must reach the server: the local write and
	 * its outbox entry commit together; then a flush is tried (offline it just waits).
	 */
	async enqueue(
		name: MutationName,
		args: Record<string, unknown>,
		tables: Table[] = [],
		domainWrite?: () => Promise<void>
	): Promise<OutboxEntry> {
		const owner = session.owner;
		if (!owner) throw new Error('enqueue needs a signed-in account');
		if (owner !== this.#lastOwner) {
			this.#lastOwner = owner;
			await putValue(db(), LAST_OWNER_KEY, owner);
		}
		const entry = await writeWithMutation(db(), { owner, name, args }, tables, domainWrite);
		void this.#engine?.flush();
		void requestBackgroundSync();
		return entry;
	}

	/** Rejected changes of the signed-in account, for the person to deal with. */
	rejected(): Promise<OutboxEntry[]> {
		const owner = session.owner;
		return owner && this.#outbox ? this.#outbox.rejected(owner) : Promise.resolve([]);
	}

	async dismiss(id: string): Promise<void> {
		await this.#outbox?.dismiss(id);
		await this.#engine?.refreshCounts();
	}

	/** Signed out (or expired) with changes of the last account still queued: ask to sign in. */
	#withSignIn(s: SyncStatus): SyncStatus {
		if (!session.owner && this.#lastOwner && s.unsent > 0) return { ...s, state: 'auth_required' };
		return s;
	}
}

export const sync = new SyncState();
