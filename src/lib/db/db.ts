import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { OutboxEntry } from '$lib/sync/types';

/** A small value kept on the device under a name (the sign-in, later sync cursors). */
export type KvRow = { key: string; value: unknown };

/**
 * The app's one IndexedDB database, shared by the pages and the service worker.
 * A schema change is a new `this.version(n)` below, never an edit of an old one:
 * devices upgrade from whatever version they have.
 */
export class MalproDB extends Dexie {
	kv!: EntityTable<KvRow, 'key'>;
	/** changes waiting for the server; `seq` orders them locally and never syncs */
	outbox!: EntityTable<OutboxEntry, 'seq'>;

	/** options.indexedDB lets Node tests give each simulated device its own storage */
	constructor(name = 'malpro', options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({ kv: 'key' });
		this.version(2).stores({ outbox: '++seq, &id, [owner+seq], [owner+state]' });
	}
}

let shared: MalproDB | undefined;

/** This device's database (opened on first use). */
export function db(): MalproDB {
	shared ??= new MalproDB();
	return shared;
}
