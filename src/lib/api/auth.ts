import type { Role } from '$lib/domain/signin';
import { client } from './client';
import { toAppError } from './errors';

const collectionOf: Record<Role, string> = {
	buyer: 'buyers',
	seller: 'sellers',
	admin: 'admins'
};

/** Signs in against the role's auth collection (buyers by NIP, others by email). */
export async function signInWithPassword(role: Role, identity: string, password: string) {
	try {
		return await client().collection(collectionOf[role]).authWithPassword(identity, password);
	} catch (err) {
		throw toAppError(err, 'wrong_credentials');
	}
}
