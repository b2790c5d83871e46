import type { Role } from '$lib/domain/signin';
import { accountOf, authCollections, type Account } from './account';
import { client } from './client';
import { AppError, toAppError } from './errors';

/** Signs in against the role's auth collection (buyers by NIP, others by email or phone). */
export async function signInWithPassword(
	role: Role,
	identity: string,
	password: string
): Promise<Account> {
	const pb = await client();
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
	const { authStore } = await client();
	return authStore.isValid ? accountOf(authStore.record) : null;
}

/**
 * Calls back whenever the kept sign-in changes: sign-in, sign-out, and a save of the
 * signed-in record (a profile edit updates the stored record too).
 */
export async function onAccountChange(callback: (account: Account | null) => void) {
	const { authStore } = await client();
	return authStore.onChange((_, record) => callback(authStore.isValid ? accountOf(record) : null));
}

/** Forgets the sign-in on this device (memory and IndexedDB). */
export async function signOut(): Promise<void> {
	(await client()).authStore.clear();
}
