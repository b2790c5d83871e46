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

/** Counts this account's changes not yet sent (the sync state sets it). */
export type UnsentCounter = (owner: string) => Promise<number>;

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
	#unsent: UnsentCounter = async () => 0;
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

	/** The outbox owner key of the signed-in account ("buyers:<id>"), or null. */
	get owner(): string | null {
		return this.#account ? ownerOf(this.#account) : null;
	}

	/** Lets the outbox veto sign-out while this account has unsent changes. */
	guardSignOut(counter: UnsentCounter): void {
		this.#unsent = counter;
	}

	/** Loads the kept sign-in, once; every page awaits it before deciding who may enter. */
	restore(): Promise<void> {
		this.#restoring ??= (async () => {
			this.#account = await this.#auth.storedAccount();
			// follows sign-in, sign-out and saves of the signed-in record (profile edits)
			this.#auth.onAccountChange((account) => (this.#account = account));
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
	 * Signing out must never strand changes not yet sent: they belong to this
	 * account and only its token can send them.
	 */
	async canSignOut(): Promise<SignOutCheck> {
		const owner = this.owner;
		const unsent = owner ? await this.#unsent(owner) : 0;
		return unsent > 0 ? { ok: false, code: 'unsent_changes', unsent } : { ok: true };
	}

	/** Forgets the sign-in on this device, unless `canSignOut` refuses. */
	async signOut(): Promise<SignOutCheck> {
		const check = await this.canSignOut();
		if (!check.ok) return check;
		await this.#auth.signOut();
		this.#account = null;
		return check;
	}
}

/** The outbox owner key of an account: ids are unique per collection. */
export function ownerOf(account: Pick<Account, 'role' | 'id'>): string {
	const collection = { buyer: 'buyers', seller: 'sellers', admin: 'admins' }[account.role];
	return `${collection}:${account.id}`;
}

export const session = new Session();
