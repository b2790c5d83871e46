import { signInWithPassword } from '$lib/api/auth';
import type { Role } from '$lib/domain/signin';

/** Who is signed in on this device. */
class Session {
	#role = $state<Role | null>(null);

	get role(): Role | null {
		return this.#role;
	}

	async signIn(role: Role, identity: string, password: string): Promise<void> {
		await signInWithPassword(role, identity, password);
		this.#role = role;
	}
}

export const session = new Session();
