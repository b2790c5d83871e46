import type { Table } from 'dexie';
import { refreshSignIn } from '$lib/api/auth';
import { client } from '$lib/api/client';
import { createPushTransport } from '$lib/api/sync-push';
import { db } from '$lib/db/db';
import { getValue, putValue } from '$lib/db/kv';
import { orderResultApplier } from '$lib/db/orders';
import { DexieOutbox, writeWithMutation } from '$lib/db/outbox';
import { SyncEngine } from '$lib/sync/engine';
import { newId } from '$lib/sync/ids';
import { CLIENT_ID_KEY, LAST_OWNER_KEY } from '$lib/sync/keys';
import { createSyncLock } from '$lib/sync/lock';
import { requestBackgroundSync, startSyncTriggers } from '$lib/sync/triggers';
import type { MutationName, OutboxEntry, SyncStatus } from '$lib/sync/types';
import { session } from './session.svelte';

/**
 * The outbox, the engine that pushes it and its triggers, wired for this tab.
 * Loaded by src/lib/state/sync.svelte.ts only when there is something to push
 * (a signed-in account, or changes an earlier one left): a visitor browsing
 * the catalog never loads it, nor the PocketBase SDK it needs for the token.
 */
export class SyncRunner {
	readonly #engine: SyncEngine;
	readonly #outbox: DexieOutbox;
	readonly #stop: () => void;
	/** the owner of the last change queued here (shared with the engine's callbacks) */
	readonly #last: { owner: string | null };

	private constructor(
		engine: SyncEngine,
		outbox: DexieOutbox,
		stop: () => void,
		last: { owner: string | null }
	) {
		this.#engine = engine;
		this.#outbox = outbox;
		this.#stop = stop;
		this.#last = last;
	}

	static async start(onStatus: (s: SyncStatus) => void): Promise<SyncRunner> {
		const database = db();
		// server answers update the local orders in the same transaction
		const outbox = new DexieOutbox(database, [orderResultApplier]);
		let clientId = (await getValue(database, CLIENT_ID_KEY)) as string | undefined;
		if (!clientId) {
			clientId = newId();
			await putValue(database, CLIENT_ID_KEY, clientId);
		}
		const last = {
			owner: ((await getValue(database, LAST_OWNER_KEY)) as string | undefined) ?? null
		};
		const engine = new SyncEngine({
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
			owner: () => session.owner ?? last.owner,
			clientId,
			onStatus: (s) => onStatus(withSignIn(s, last.owner))
		});
		session.guardSignOut((owner) => outbox.countUnsent(owner));
		const stop = startSyncTriggers({
			engine,
			probe: async () => (await fetch('/api/health', { cache: 'no-store' })).ok
		});
		// a sign-in in use is renewed before it runs out: at start, and when the
		// connection comes back (the check itself needs no request)
		const renew = () => void refreshSignIn();
		renew();
		addEventListener('online', renew);
		return new SyncRunner(
			engine,
			outbox,
			() => {
				removeEventListener('online', renew);
				stop();
			},
			last
		);
	}

	stop(): void {
		this.#stop();
	}

	flush(): Promise<SyncStatus> {
		return this.#engine.flush();
	}

	async enqueue(
		name: MutationName,
		args: Record<string, unknown>,
		tables: Table[],
		domainWrite?: () => Promise<void>
	): Promise<OutboxEntry> {
		const owner = session.owner;
		if (!owner) throw new Error('enqueue needs a signed-in account');
		if (owner !== this.#last.owner) {
			this.#last.owner = owner;
			await putValue(db(), LAST_OWNER_KEY, owner);
		}
		const entry = await writeWithMutation(db(), { owner, name, args }, tables, domainWrite);
		void this.#engine.flush();
		void requestBackgroundSync();
		return entry;
	}

	rejected(owner: string): Promise<OutboxEntry[]> {
		return this.#outbox.rejected(owner);
	}

	async dismiss(id: string): Promise<void> {
		await this.#outbox.dismiss(id);
		await this.#engine.refreshCounts();
	}
}

/** Signed out (or expired) with changes of the last account still queued: ask to sign in. */
function withSignIn(s: SyncStatus, lastOwner: string | null): SyncStatus {
	if (!session.owner && lastOwner && s.unsent > 0) return { ...s, state: 'auth_required' };
	return s;
}
