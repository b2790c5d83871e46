import type { Table } from 'dexie';
import { LAST_OWNER_KEY } from '$lib/sync/keys';
import type { MutationName, OutboxEntry, SyncStatus } from '$lib/sync/types';
import { handleError } from './handle-error';
import type { SyncRunner } from './sync-runner';
import { session } from './session.svelte';

/**
 * This device's sync, as the pages see it: how many changes wait, whether the
 * sign-in must be renewed, and the one funnel for writes that must reach the
 * server. The machinery (./sync-runner.ts: outbox, engine, triggers, the SDK
 * for the token) loads only once there is something to push.
 */
class SyncState {
	#status = $state<SyncStatus>({
		state: 'idle',
		unsent: 0,
		rejected: 0,
		lastSyncAt: null,
		nextRetryAt: null
	});
	#runner: Promise<SyncRunner> | undefined;
	#started = false;
	#stopped = false;
	#unfollow: (() => void) | undefined;

	get status(): SyncStatus {
		return this.#status;
	}

	/**
	 * Starts syncing in this tab (once the database opened): now if an account is
	 * signed in or an earlier one left changes queued here, else at sign-in.
	 */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		this.#unfollow = $effect.root(() => {
			$effect(() => {
				if (session.owner) void this.#load();
			});
		});
		if (session.owner) return;
		const [db, { getValue }] = await Promise.all([
			import('$lib/db/db').then((m) => m.loadDb()),
			import('$lib/db/kv')
		]);
		if (await getValue(db, LAST_OWNER_KEY)) await this.#load();
	}

	stop(): void {
		this.#stopped = true;
		this.#unfollow?.();
		void this.#runner?.then((r) => r.stop());
	}

	/** The person asked to send now (or a page queued a change). */
	async flush(): Promise<SyncStatus | undefined> {
		const runner = await this.#loaded();
		return runner?.flush();
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
		return (await this.#load()).enqueue(name, args, tables, domainWrite);
	}

	/** Rejected changes of the signed-in account, for the person to deal with. */
	async rejected(): Promise<OutboxEntry[]> {
		const owner = session.owner;
		const runner = await this.#loaded();
		return owner && runner ? runner.rejected(owner) : [];
	}

	async dismiss(id: string): Promise<void> {
		await (await this.#loaded())?.dismiss(id);
	}

	/** The runner if there is (or should be) one: signed in, or already loaded. */
	#loaded(): Promise<SyncRunner | undefined> {
		if (this.#runner) return this.#runner;
		return session.owner ? this.#load() : Promise.resolve(undefined);
	}

	#load(): Promise<SyncRunner> {
		this.#runner ??= import('./sync-runner')
			.then((m) => m.SyncRunner.start((s) => (this.#status = s)))
			.then((runner) => {
				if (this.#stopped) runner.stop();
				return runner;
			});
		this.#runner.catch((err: unknown) => {
			handleError(err);
			this.#runner = undefined; // the next change or sign-in tries again
		});
		return this.#runner;
	}
}

export const sync = new SyncState();
