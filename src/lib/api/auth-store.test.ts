import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MalproDB } from '$lib/db/schema';
import { getValue, putValue } from '$lib/db/kv';
import { buyerRecord, fakeToken } from '$lib/testing/auth-fixtures';
import { createAuthStore } from './auth-store';
import { AUTH_KEY, readStoredAuth } from './kept-auth';

let n = 0;
const dbs: MalproDB[] = [];
/** A fresh database per test, as if on a new device. */
function freshDb(): MalproDB {
	const db = new MalproDB(`auth-store-test-${++n}`);
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

describe('the auth store kept in IndexedDB', () => {
	it('starts signed out on a new device', async () => {
		const { store, ready } = createAuthStore(freshDb());
		await ready;
		expect(store.token).toBe('');
		expect(store.record).toBeNull();
	});

	it('keeps a sign-in as a plain object a service worker can read', async () => {
		const db = freshDb();
		const token = fakeToken(3600);
		const { store, ready } = createAuthStore(db);
		await ready;
		store.save(token, buyerRecord);

		await vi.waitFor(async () => expect(await getValue(db, AUTH_KEY)).toBeDefined());
		expect(await getValue(db, AUTH_KEY)).toEqual({ token, record: buyerRecord });
	});

	it('reads the sign-in back after a reload, before `ready` settles', async () => {
		const db = freshDb();
		const token = fakeToken(3600);
		await putValue(db, AUTH_KEY, { token, record: buyerRecord });

		const { store, ready } = createAuthStore(db);
		expect(store.token).toBe(''); // not yet: IndexedDB is asynchronous
		await ready;
		expect(store.token).toBe(token);
		expect(store.isValid).toBe(true);
		expect(store.record).toEqual(buyerRecord);
	});

	it('forgets the sign-in on clear, in IndexedDB too', async () => {
		const db = freshDb();
		await putValue(db, AUTH_KEY, { token: fakeToken(3600), record: buyerRecord });
		const first = createAuthStore(db);
		await first.ready;
		first.store.clear();
		expect(first.store.token).toBe('');

		await vi.waitFor(async () => expect(await getValue(db, AUTH_KEY)).toBeUndefined());
		const reloaded = createAuthStore(db);
		await reloaded.ready;
		expect(reloaded.store.token).toBe('');
	});

	it('treats an expired token as signed out and drops it', async () => {
		const db = freshDb();
		await putValue(db, AUTH_KEY, { token: fakeToken(-60), record: buyerRecord });
		const { store, ready } = createAuthStore(db);
		await ready;
		expect(store.token).toBe('');
		expect(await getValue(db, AUTH_KEY)).toBeUndefined();
	});

	it('ignores what is not a sign-in (an old format, a broken write)', async () => {
		const db = freshDb();
		for (const junk of ['{"token":', { token: '' }, { record: buyerRecord }, 42]) {
			await putValue(db, AUTH_KEY, junk);
			expect(await readStoredAuth(db)).toBeNull();
			const { store, ready } = createAuthStore(db);
			await ready;
			expect(store.token).toBe('');
		}
	});
});
