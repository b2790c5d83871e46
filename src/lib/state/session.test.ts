import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '$lib/api/account';
import { AppError } from '$lib/api/errors';
import { buyerRecord, fakeToken } from '$lib/testing/auth-fixtures';
import { Session, type SessionAuth } from './session.svelte';

const budi: Account = {
	role: 'buyer',
	id: 'budi00000000001',
	name: 'Budi Santoso',
	nip: '198507142010011002',
	opdName: 'Diskominfo'
};

/** An auth API held in memory, with a hook to play a change of the kept sign-in. */
function memoryAuth(kept: Account | null = null) {
	let listener: ((a: Account | null) => void) | undefined;
	const auth = {
		storedAccount: vi.fn(async () => kept),
		onAccountChange: vi.fn((cb: (a: Account | null) => void) => {
			listener = cb;
			return () => (listener = undefined);
		}),
		signInWithPassword: vi.fn(async () => budi),
		signOut: vi.fn(async () => {})
	} satisfies SessionAuth;
	return { auth, change: (a: Account | null) => listener?.(a) };
}

describe('Session', () => {
	it('restores the kept account once, however many pages ask', async () => {
		const { auth } = memoryAuth(budi);
		const session = new Session(auth);
		expect(session.account).toBeNull();
		await Promise.all([session.restore(), session.restore()]);
		await session.restore();
		expect(session.account).toEqual(budi);
		expect(session.role).toBe('buyer');
		expect(auth.storedAccount).toHaveBeenCalledTimes(1);
	});

	it('signs in and follows later changes of the kept record (a profile save)', async () => {
		const { auth, change } = memoryAuth();
		const session = new Session(auth);
		expect(await session.signIn('buyer', budi.nip, 'malpro123')).toEqual(budi);
		expect(session.account).toEqual(budi);

		change({ ...budi, name: 'Budi S.' });
		expect(session.account?.name).toBe('Budi S.');
	});

	it('keeps a visitor a visitor when the sign-in fails', async () => {
		const { auth } = memoryAuth();
		auth.signInWithPassword.mockRejectedValueOnce(new AppError('wrong_credentials'));
		const session = new Session(auth);
		await expect(session.signIn('buyer', budi.nip, 'salah')).rejects.toMatchObject({
			code: 'wrong_credentials'
		});
		expect(session.account).toBeNull();
	});

	it('signs out when nothing is waiting to be sent', async () => {
		const { auth } = memoryAuth(budi);
		const session = new Session(auth);
		await session.restore();
		expect(await session.canSignOut()).toEqual({ ok: true });
		expect(await session.signOut()).toEqual({ ok: true });
		expect(auth.signOut).toHaveBeenCalledOnce();
		expect(session.account).toBeNull();
	});

	it('keeps the sign-in while this account has unsent changes', async () => {
		const { auth } = memoryAuth(budi);
		const session = new Session(auth);
		await session.restore();
		const asked: string[] = [];
		session.guardSignOut(async (owner) => (asked.push(owner), 2));
		expect(await session.signOut()).toEqual({ ok: false, code: 'unsent_changes', unsent: 2 });
		expect(asked).toEqual([`buyers:${budi.id}`]);
		expect(auth.signOut).not.toHaveBeenCalled();
		expect(session.account).toEqual(budi);
	});
});

describe('the session with the real client and IndexedDB', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	/** A fresh start of the app: new modules, the same IndexedDB. */
	const freshApp = async () => (await import('./session.svelte')).session;

	it('a sign-in survives a reload, and a sign-out too', async () => {
		const token = fakeToken(3600);
		const fetch = vi.fn(async (url: string | URL) => {
			expect(String(url)).toContain('/api/collections/buyers/auth-with-password?expand=opd');
			return Response.json({ token, record: buyerRecord });
		});
		vi.stubGlobal('fetch', fetch);

		const first = await freshApp();
		await first.restore();
		expect(first.account).toBeNull();
		await first.signIn('buyer', buyerRecord.nip, 'malpro123');
		expect(first.account).toMatchObject({ role: 'buyer', name: 'Budi Santoso' });

		// the write to IndexedDB is queued by the SDK; wait for it as a reload would
		const { db } = await import('$lib/db/db');
		const { getValue } = await import('$lib/db/kv');
		await vi.waitFor(async () => expect(await getValue(db(), 'auth')).toBeDefined());

		vi.resetModules();
		const second = await freshApp();
		await second.restore();
		expect(second.account).toMatchObject({ role: 'buyer', opdName: buyerRecord.expand.opd.name });

		await second.signOut();
		await vi.waitFor(async () => expect(await getValue(db(), 'auth')).toBeUndefined());
		vi.resetModules();
		const third = await freshApp();
		await third.restore();
		expect(third.account).toBeNull();
		expect(fetch).toHaveBeenCalledOnce();
	});
});
