import { yieldToMain } from '$lib/sync/yield';
import type { MalproDB } from './schema';

export type { KvRow, MalproDB } from './schema';

/*
 * The app's database behind one door: Dexie and the schema (./schema.ts) load
 * with `loadDb()`, not with the first page, so a first visit paints its first
 * screen before they arrive (src/lib/state/startup.svelte.ts). Everything that
 * runs later reads it synchronously through `db()`.
 */

let shared: MalproDB | undefined;
let loading: Promise<MalproDB> | undefined;

/** Loads Dexie and makes this device's database (once; it opens on first use). */
export function loadDb(): Promise<MalproDB> {
	// Dexie's code runs in one task, the schema is read in the next: one long task
	// fewer on a slow phone's thread
	loading ??= import('./schema').then(async ({ MalproDB }) => {
		await yieldToMain();
		return (shared ??= new MalproDB());
	});
	return loading;
}

/**
 * This device's database. Start-up loads it before any page that reads it
 * renders (the layout's load, or the home page's first visit: after its first
 * screen); a read before that is a bug, said so plainly.
 */
export function db(): MalproDB {
	if (!shared) throw new Error('malpro: the database is not loaded yet (await loadDb())');
	return shared;
}
