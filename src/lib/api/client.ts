import PocketBase, { type BaseAuthStore } from 'pocketbase';
import { loadDb } from '$lib/db/db';
import { authChanged } from './auth';
import { createAuthStore } from './auth-store';

/**
 * The only place that creates a PocketBase client. The app talks to the server
 * that served it (same origin); tests pass their own URL and store. Loaded on
 * demand (sign-in, profile, pushes, orders): browsing the catalog needs no SDK.
 */
export function createClient(baseUrl: string, authStore?: BaseAuthStore): PocketBase {
	const pb = new PocketBase(baseUrl, authStore);
	// The SDK cancels a pending request when another with the same method+path
	// starts, POSTs included: never for this app (sync pushes must not be cancelled).
	pb.autoCancellation(false);
	return pb;
}

let shared: Promise<PocketBase> | undefined;

/**
 * The browser's client for this origin, handed out only once the sign-in kept in
 * IndexedDB is loaded: a first request sent before would go out as a guest.
 */
export function client(): Promise<PocketBase> {
	shared ??= (async () => {
		const auth = createAuthStore(await loadDb());
		const pb = createClient(globalThis.location?.origin ?? 'http://127.0.0.1:8090', auth.store);
		await auth.ready;
		// the session (src/lib/api/auth.ts) follows every change from here on
		auth.store.onChange((token, record) => authChanged(token, record, auth.store.isValid));
		return pb;
	})();
	return shared;
}
