import * as z from 'zod/mini';
import type { MalproDB } from '$lib/db/db';
import { getValue } from '$lib/db/kv';

/**
 * The sign-in kept on this device, read without the PocketBase SDK: the first
 * page shows who is signed in before (and without) loading the SDK, which only
 * the requests that need a token load (src/lib/api/client.ts).
 */

/** The kv key of the sign-in kept on this device; the service worker reads it there too. */
export const AUTH_KEY = 'auth';

const storedAuth = z.object({
	token: z.string().check(z.minLength(1)),
	record: z.nullable(
		z.looseObject({ id: z.string(), collectionId: z.string(), collectionName: z.string() })
	)
});
export type StoredAuth = z.infer<typeof storedAuth>;

/** The sign-in kept on this device, or null if there is none (or it is unreadable). */
export async function readStoredAuth(db: MalproDB): Promise<StoredAuth | null> {
	const parsed = storedAuth.safeParse(await getValue(db, AUTH_KEY));
	return parsed.success ? parsed.data : null;
}

const jwtPayload = z.object({ exp: z.optional(z.number()) });

/**
 * Whether a PocketBase token has expired (or cannot be read), as the SDK's
 * `isTokenExpired` decides it: by the `exp` claim of its payload, in seconds
 * (an unreadable or empty payload counts as expired).
 * The signature is the server's business; an expired token would be served as
 * a guest (empty lists with 200), so the device treats it as signed out.
 */
export function tokenExpired(token: string, now: number = Date.now()): boolean {
	const expiry = tokenExpiry(token);
	// like the SDK: a token without `exp` does not expire on the device (the server decides)
	return expiry === 'unreadable' || (expiry !== undefined && expiry <= now);
}

/** A sign-in is renewed once it has less than this left (see refreshDue). */
export const REFRESH_WITHIN_MS = 7 * 24 * 3600_000;

/**
 * Whether a valid token should be renewed now: it runs out within `within` (a
 * sign-in used at least weekly never runs out). Not an expired or unreadable
 * one (the person signs in again), nor one without `exp`.
 */
export function refreshDue(
	token: string,
	now: number = Date.now(),
	within: number = REFRESH_WITHIN_MS
): boolean {
	const expiry = tokenExpiry(token);
	return typeof expiry === 'number' && expiry > now && expiry - now < within;
}

/** When a token expires (ms), undefined if it says not, 'unreadable' if its payload is not JSON with claims. */
function tokenExpiry(token: string): number | undefined | 'unreadable' {
	const part = token.split('.')[1];
	if (!part) return 'unreadable';
	let payload: unknown;
	try {
		const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
		const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
			c.charCodeAt(0)
		);
		payload = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return 'unreadable';
	}
	const parsed = jwtPayload.safeParse(payload);
	if (!parsed.success || Object.keys(payload as object).length === 0) return 'unreadable';
	return parsed.data.exp === undefined ? undefined : parsed.data.exp * 1000;
}
