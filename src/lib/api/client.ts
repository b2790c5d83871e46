import PocketBase from 'pocketbase';

/**
 * The only place that creates a PocketBase client. The app talks to the server
 * that served it (same origin); tests pass their own URL.
 */
export function createClient(baseUrl: string): PocketBase {
	const pb = new PocketBase(baseUrl);
	// The SDK cancels a pending request when another with the same method+path
	// starts, POSTs included: never for this app (sync pushes must not be cancelled).
	pb.autoCancellation(false);
	return pb;
}

let shared: PocketBase | undefined;

/** The browser's client for this origin. */
export function client(): PocketBase {
	shared ??= createClient(globalThis.location?.origin ?? 'http://127.0.0.1:8090');
	return shared;
}
