import type { Table } from 'dexie';
import { newId } from '$lib/sync/ids';
import type { MutationName, MutationResult, OutboxEntry, OutboxStore } from '$lib/sync/types';
import type { MalproDB } from './db';

/**
 * The one funnel for local writes that must reach the server: the domain write
 * and its outbox entry commit in one IndexedDB transaction, or neither does.
 * Offline this is all that happens; the sync engine sends the entry later.
 */
export async function writeWithMutation(
	db: MalproDB,
	mutation: {
		owner: string;
		name: MutationName;
		args: Record<string, unknown>;
		id?: string;
		now?: Date;
	},
	tables: Table[] = [],
	domainWrite: () => Promise<void> = async () => {}
): Promise<OutboxEntry> {
	const entry: OutboxEntry = {
		id: mutation.id ?? newId(),
		owner: mutation.owner,
		name: mutation.name,
		args: mutation.args,
		createdAt: (mutation.now ?? new Date()).toISOString(),
		state: 'pending',
		attempts: 0
	};
	await db.transaction('rw', [db.outbox, ...tables], async () => {
		await domainWrite();
		await db.outbox.add(entry);
	});
	return entry;
}

/** The outbox kept in IndexedDB, per signed-in user, in the order it was written. */
export class DexieOutbox implements OutboxStore {
	readonly #db: MalproDB;

	constructor(db: MalproDB) {
		this.#db = db;
	}

	unsent(owner: string, limit: number): Promise<OutboxEntry[]> {
		return this.#db.outbox
			.where('[owner+seq]')
			.between([owner, -Infinity], [owner, Infinity])
			.filter((e) => e.state === 'pending' || e.state === 'sent')
			.limit(limit)
			.toArray();
	}

	async markSent(ids: string[], at: string): Promise<void> {
		await this.#db.transaction('rw', this.#db.outbox, async () => {
			await this.#db.outbox
				.where('id')
				.anyOf(ids)
				.modify((e) => {
					e.state = 'sent';
					e.attempts += 1;
					e.lastAttemptAt = at;
				});
		});
	}

	async settle(results: MutationResult[]): Promise<void> {
		// applied and duplicate leave the outbox; a rejection stays for the person
		await this.#db.transaction('rw', this.#db.outbox, async () => {
			const done = results.filter((r) => r.status !== 'rejected').map((r) => r.id);
			await this.#db.outbox.where('id').anyOf(done).delete();
			for (const r of results.filter((r) => r.status === 'rejected')) {
				await this.#db.outbox
					.where('id')
					.equals(r.id)
					.modify((e) => {
						e.state = 'rejected';
						e.code = r.code;
						e.message = r.message;
						e.data = r.data;
					});
			}
		});
	}

	countUnsent(owner: string): Promise<number> {
		return this.#db.outbox
			.where('[owner+state]')
			.anyOf([
				[owner, 'pending'],
				[owner, 'sent']
			])
			.count();
	}

	countRejected(owner: string): Promise<number> {
		return this.#db.outbox.where('[owner+state]').equals([owner, 'rejected']).count();
	}

	rejected(owner: string): Promise<OutboxEntry[]> {
		return this.#db.outbox.where('[owner+state]').equals([owner, 'rejected']).toArray();
	}

	/** The person has seen a rejection and let it go. */
	async dismiss(id: string): Promise<void> {
		await this.#db.outbox.where({ id, state: 'rejected' }).delete();
	}
}
