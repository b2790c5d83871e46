import { foldedRuns } from './folded-runs';
import { backoffDelay } from './backoff';
import type { Clock, Lock, OutboxEntry, OutboxStore, PushTransport, SyncStatus } from './types';

export type SyncEngineOptions = {
	store: OutboxStore;
	transport: PushTransport;
	lock: Lock;
	clock: Clock;
	random: () => number;
	/** the signed-in user ("buyers:<id>"), or null when signed out */
	owner: () => string | null;
	/** this device/tab install, sent with each push (for the server's log) */
	clientId: string;
	batchSize?: number;
	onStatus?: (status: SyncStatus) => void;
};

/**
 * Sends the outbox to the server in the order it was written, one runner at a
 * time. It stops at the first transient error and retries later with backoff;
 * a timeout is an unknown outcome, so the same mutation ids are sent again and
 * the server answers them as duplicates if they had arrived.
 */
export class SyncEngine {
	readonly #o: SyncEngineOptions;
	#status: SyncStatus = {
		state: 'idle',
		unsent: 0,
		rejected: 0,
		lastSyncAt: null,
		nextRetryAt: null
	};
	#attempt = 0;
	#retryTimer: unknown = null;

	constructor(options: SyncEngineOptions) {
		this.#o = options;
	}

	get status(): SyncStatus {
		return this.#status;
	}

	/**
	 * Flushes now. Calls while a flush runs are folded into one more flush
	 * after it, so a local write during a push is never left waiting (not after
	 * a failure: the retry timer takes over).
	 */
	readonly flush: () => Promise<SyncStatus> = foldedRuns(
		() => this.#o.lock(() => this.#flushOnce()).catch((err: unknown) => this.#failed(err)),
		(status) => status.state === 'idle'
	);

	/** Stops the retry timer (sign-out, tests). */
	stop(): void {
		if (this.#retryTimer !== null) this.#o.clock.clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}

	async refreshCounts(): Promise<SyncStatus> {
		const owner = this.#o.owner();
		if (!owner) return this.#set({ state: 'signed_out', unsent: 0, rejected: 0 });
		return this.#set({
			unsent: await this.#o.store.countUnsent(owner),
			rejected: await this.#o.store.countRejected(owner)
		});
	}

	/**
	 * Storage or token lookup failed (IndexedDB connection lost, quota): nothing was
	 * lost, the entries are where they were; try again later like a network error.
	 */
	#failed(err: unknown): SyncStatus {
		console.error('malpro sync:', err);
		return this.#retryLater();
	}

	#retryLater(): SyncStatus {
		const { clock } = this.#o;
		this.#attempt++;
		const delay = backoffDelay(this.#attempt, this.#o.random);
		this.stop();
		this.#retryTimer = clock.setTimeout(() => void this.flush(), delay);
		return this.#set({ state: 'offline', nextRetryAt: clock.now() + delay });
	}

	#set(patch: Partial<SyncStatus>): SyncStatus {
		this.#status = { ...this.#status, ...patch };
		this.#o.onStatus?.(this.#status);
		return this.#status;
	}

	async #flushOnce(): Promise<SyncStatus> {
		const { store, transport, clock } = this.#o;
		const owner = this.#o.owner();
		if (!owner) return this.#set({ state: 'signed_out', unsent: 0, rejected: 0 });
		this.stop();
		this.#set({ state: 'syncing', nextRetryAt: null });

		let batchSize = this.#o.batchSize ?? 50;
		for (;;) {
			const batch = await store.unsent(owner, batchSize);
			if (batch.length === 0) break;
			await store.markSent(
				batch.map((e) => e.id),
				new Date(clock.now()).toISOString()
			);
			const outcome = await transport({ clientId: this.#o.clientId, mutations: batch.map(toWire) });

			if (outcome.kind === 'ok') {
				await store.settle(outcome.results);
				this.#attempt = 0;
				this.#set({ lastSyncAt: clock.now() });
				continue;
			}
			if (outcome.kind === 'auth') {
				await this.refreshCounts();
				return this.#set({ state: 'auth_required' });
			}
			if (outcome.kind === 'refused') {
				if (outcome.status === 403) {
					await this.refreshCounts();
					return this.#set({ state: 'blocked', code: outcome.code });
				}
				if (!entryCodes.has(outcome.code)) {
					// about the push itself, not an entry: blaming entries would lose them
					await this.refreshCounts();
					return this.#set({ state: 'blocked', code: outcome.code });
				}
				if (batch.length > 1) {
					batchSize = 1; // find the one entry the server refuses
					continue;
				}
				// one entry the server cannot read at all: it stays, rejected, for the person
				const only = batch[0] as OutboxEntry;
				await store.settle([
					{ id: only.id, status: 'rejected', code: outcome.code, message: outcome.message }
				]);
				continue;
			}
			// transient: keep the queue as it is and come back later
			await this.refreshCounts();
			return this.#retryLater();
		}
		await this.refreshCounts();
		return this.#set({ state: 'idle', code: undefined });
	}
}

/** Refusals that can come from one entry's content (its size, its shape). */
const entryCodes = new Set(['envelope_invalid', 'json_invalid', 'too_large', 'too_many_mutations']);

function toWire(e: OutboxEntry) {
	return { id: e.id, name: e.name, args: e.args, createdAt: e.createdAt };
}
