import { AsyncAuthStore } from 'pocketbase';
import type { MalproDB } from '$lib/db/db';
import { deleteValue, putValue } from '$lib/db/kv';
import { AUTH_KEY, readStoredAuth, tokenExpired } from './kept-auth';

export type PersistedAuthStore = {
	store: AsyncAuthStore;
	/** Settles once the kept sign-in (if any) is in `store`; never rejects. */
	ready: Promise<void>;
};

// A lost write only means signing in again after a reload; it must not break the page.
const report = (what: string) => (err: unknown) =>
	console.error(`malpro: could not ${what} the sign-in in IndexedDB`, err);

/**
 * The SDK's auth store, kept in IndexedDB (not localStorage) so that the service
 * worker can read the token too. The SDK queues the writes; `ready` is the read.
 */
export function createAuthStore(db: MalproDB): PersistedAuthStore {
	const store = new AsyncAuthStore({
		// the SDK hands over JSON; kept as an object so a reader needs no parsing
		save: (serialized) => putValue(db, AUTH_KEY, JSON.parse(serialized)).catch(report('save')),
		clear: () => deleteValue(db, AUTH_KEY).catch(report('clear'))
	});

	const ready = (async () => {
		const saved = await readStoredAuth(db);
		if (!saved) return;
		// An expired token would be served as a guest (empty lists, 200): signed out instead.
		if (tokenExpired(saved.token)) {
			await deleteValue(db, AUTH_KEY);
			return;
		}
		store.save(saved.token, saved.record);
	})().catch(report('read'));

	return { store, ready };
}
