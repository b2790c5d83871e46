import * as auth from '$lib/api/auth';
import type { Account } from '$lib/api/account';
import type { Role } from '$lib/domain/signin';

/** What the session needs from the API; tests pass their own. */
export type SessionAuth = Pick<
	typeof auth,
	'signInWithPassword' | 'storedAccount' | 'onAccountChange' | 'signOut'
>;

/** Whether this device may sign out now, and why not. */
export type SignOutCheck = { ok: true } | { ok: false; code: 'unsent_changes'; unsent: number };

/** Each role's first page after signing in. */
export const landingPage: Record<Role, string> = {
	buyer: '/',
	seller: '/penjual',
	admin: '/admin'
};

/** Who is signed in on this device: kept in IndexedDB, so it survives reloads and offline starts. */
export class Session {
	#account = $state<Account | null>(null);
	#restoring: Promise<void> | undefined;
	readonly #auth: SessionAuth;

	constructor(authApi: SessionAuth = auth) {
		this.#auth = authApi;
	}

	get account(): Account | null {
		return this.#account;
	}

	get role(): Role | null {
		return this.#account?.role ?? null;
	}

	/** Loads the kept sign-in, once; every page awaits it before deciding who may enter. */
	restore(): Promise<void> {
		this.#restoring ??= (async () => {
			this.#account = await this.#auth.storedAccount();
			// follows sign-in, sign-out and saves of the signed-in record (profile edits)
			await this.#auth.onAccountChange((account) => (this.#account = account));
		})();
		return this.#restoring;
	}

	async signIn(role: Role, identity: string, password: string): Promise<Account> {
		await this.restore();
		const account = await this.#auth.signInWithPassword(role, identity, password);
		this.#account = account;
		return account;
	}

	/**
	 * The seam for the outbox: signing out must never discard mutations not yet sent
	 * (they belong to this account). Nothing is queued yet, so today it is always ok.
	 */
	canSignOut(): SignOutCheck {
		return { ok: true };
	}

	/** Forgets the sign-in on this device, unless `canSignOut` refuses. */
	async signOut(): Promise<SignOutCheck> {
		const check = this.canSignOut();
		if (!check.ok) return check;
		await this.#auth.signOut();
		this.#account = null;
		return check;
	}
}

export const session = new Session();
