import type { Table } from 'dexie';
import { newId } from '$lib/sync/ids';
import type { MutationName, MutationResult, OutboxEntry, OutboxStore } from '$lib/sync/types';
import type { MalproDB } from './db';

export type NewMutation = {
	owner: string;
	name: MutationName;
	args: Record<string, unknown>;
	id?: string;
	now?: Date;
};

/**
 * The one funnel for local writes that must reach the server: the domain write
 * and its outbox entries commit in one IndexedDB transaction, or nothing does.
 * Offline this is all that happens; the sync engine sends the entries later.
 */
export async function writeWithMutations(
	db: MalproDB,
	mutations: NewMutation[],
	tables: Table[] = [],
	domainWrite: () => Promise<void> = async () => {}
): Promise<OutboxEntry[]> {
	const entries = mutations.map((m): OutboxEntry => ({
		id: m.id ?? newId(),
		owner: m.owner,
		name: m.name,
		args: m.args,
		createdAt: (m.now ?? new Date()).toISOString(),
		state: 'pending',
		attempts: 0
	}));
	await db.transaction('rw', [db.outbox, ...tables], async () => {
		await domainWrite();
		await db.outbox.bulkAdd(entries);
	});
	return entries;
}

/** One change and its local write (see writeWithMutations). */
export async function writeWithMutation(
	db: MalproDB,
	mutation: NewMutation,
	tables: Table[] = [],
	domainWrite?: () => Promise<void>
): Promise<OutboxEntry> {
	const [entry] = await writeWithMutations(db, [mutation], tables, domainWrite);
	return entry as OutboxEntry;
}

/**
 * Brings a server answer into the local rows it concerns (an order's status,
 * its new total), in the same transaction that settles the outbox entry.
 */
export type ResultApplier = {
	tables: (db: MalproDB) => Table[];
	apply: (db: MalproDB, entry: OutboxEntry, result: MutationResult) => Promise<void>;
};

/** The outbox kept in IndexedDB, per signed-in user, in the order it was written. */
export class DexieOutbox implements OutboxStore {
	readonly #db: MalproDB;
	readonly #appliers: ResultApplier[];

	constructor(db: MalproDB, appliers: ResultApplier[] = []) {
		this.#db = db;
		this.#appliers = appliers;
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
		const db = this.#db;
		const tables = this.#appliers.flatMap((a) => a.tables(db));
		// applied and duplicate leave the outbox; a rejection stays for the person
		await db.transaction('rw', [db.outbox, ...tables], async () => {
			if (this.#appliers.length > 0) {
				const entries = await db.outbox
					.where('id')
					.anyOf(results.map((r) => r.id))
					.toArray();
				for (const entry of entries) {
					const result = results.find((r) => r.id === entry.id);
					if (!result) continue;
					for (const a of this.#appliers) await a.apply(db, entry, result);
				}
			}
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
