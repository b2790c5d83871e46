import { localDatabaseExists } from '$lib/db/exists';
import type { Role } from '$lib/domain/signin';
import { accountOf, authCollections, type Account } from './account';
import { AppError, toAppError } from './errors';
import { readStoredAuth, refreshDue, tokenExpired, type StoredAuth } from './kept-auth';

/**
 * Who is signed in on this device. Reading the kept sign-in needs no SDK (the
 * first page does it); signing in and out load the PocketBase client, which
 * then reports every change of its auth store here (`authChanged`).
 */

type Kept = { token: string; record: StoredAuth['record'] } | null;
/** the sign-in as last read or changed; undefined until first read */
let kept: Kept | undefined;
const listeners = new Set<(account: Account | null) => void>();

const sdk = () => import('./client').then((m) => m.client());

/** The kept sign-in if its token is still valid, else null. */
export async function keptSignIn(): Promise<Kept> {
	// a device without the app's database has no sign-in: no need to load Dexie to know
	if (kept === undefined && (await localDatabaseExists()) === false) kept ??= null;
	if (kept === undefined) {
		const saved = await import('$lib/db/db')
			.then(({ loadDb }) => loadDb())
			.then(readStoredAuth)
			.catch((err: unknown) => {
				// no usable database (private mode, full disk): signed out, the banner says why
				console.error('malpro: could not read the sign-in from IndexedDB', err);
				return null;
			});
		kept ??= saved && !tokenExpired(saved.token) ? saved : null;
	}
	return kept;
}

/** The auth record kept on this device (fields the Account type does not carry), or null. */
export async function keptRecord(): Promise<Record<string, unknown> | null> {
	return (await keptSignIn())?.record ?? null;
}

/** The client's auth store changed (sign-in, sign-out, a save of the signed-in record). */
export function authChanged(token: string, record: unknown, valid: boolean): void {
	kept = valid ? { token, record: record as StoredAuth['record'] } : null;
	const account = valid ? accountOf(record) : null;
	for (const listener of listeners) listener(account);
}

/** Signs in against the role's auth collection (buyers by NIP, others by email or phone). */
export async function signInWithPassword(
	role: Role,
	identity: string,
	password: string
): Promise<Account> {
	const pb = await sdk();
	const { name, expand } = authCollections[role];
	try {
		const { record } = await pb.collection(name).authWithPassword(identity, password, { expand });
		const account = accountOf(record);
		if (account) return account;
		pb.authStore.clear();
		throw new AppError('unknown', `unexpected auth record from ${name}`);
	} catch (err) {
		throw toAppError(err, 'wrong_credentials');
	}
}

/** The account kept signed in on this device, or null. */
export async function storedAccount(): Promise<Account | null> {
	const signIn = await keptSignIn();
	return signIn ? accountOf(signIn.record) : null;
}

/**
 * Calls back whenever the kept sign-in changes: sign-in, sign-out, and a save of the
 * signed-in record (a profile edit updates the stored record too).
 */
export function onAccountChange(callback: (account: Account | null) => void): () => void {
	listeners.add(callback);
	return () => listeners.delete(callback);
}

/**
 * Renews the sign-in kept on this device when it runs out within a week
 * (kept-auth.ts, refreshDue), so someone who uses the app stays signed in.
 * Offline, or refused (a deactivated account), the sign-in stays as it was: it
 * runs out on its own, and the person signs in again.
 */
export async function refreshSignIn(
	now: number = Date.now()
): Promise<'not_due' | 'renewed' | 'failed'> {
	const signIn = await keptSignIn();
	if (!signIn?.record || !refreshDue(signIn.token, now)) return 'not_due';
	const role = (Object.keys(authCollections) as Role[]).find(
		(r) => authCollections[r].name === signIn.record?.collectionName
	);
	if (!role) return 'not_due';
	const pb = await sdk();
	const { name, expand } = authCollections[role];
	try {
		await pb.collection(name).authRefresh({ expand });
		return 'renewed';
	} catch {
		return 'failed';
	}
}

/** Forgets the sign-in on this device (memory and IndexedDB). */
export async function signOut(): Promise<void> {
	(await sdk()).authStore.clear();
}
