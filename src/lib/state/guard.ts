import { redirect } from '@sveltejs/kit';
import type { Role } from '$lib/domain/signin';
import { session } from './session.svelte';

/** For a page's load: only the given role enters; anyone else goes to sign in. */
export async function requireRole(role: Role): Promise<void> {
	await session.restore();
	if (session.role !== role) redirect(307, '/masuk');
}
