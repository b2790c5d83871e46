import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { classifyDbError, isDbError, watchDatabase, type DbProblem } from './open';

/** One "device": its own IndexedDB, shared by the tabs opened on it. */
function device() {
	const indexedDB = new IDBFactory();
	/** A tab of the app whose code knows schema versions 1..`versions`. */
	const tab = (versions: number) => {
		const db = new Dexie('malpro', { indexedDB, IDBKeyRange });
		db.version(1).stores({ kv: 'key' });
		if (versions >= 2) db.version(2).stores({ outbox: '++seq, &id' });
		return db;
	};
	return { indexedDB, tab };
}

function watched(db: Dexie) {
	const seen: (DbProblem | null)[] = [];
	const watch = watchDatabase(db, (p) => seen.push(p));
	return { watch, seen, last: () => seen.at(-1) ?? null };
}

describe('the device database, watched', () => {
	it('opens quietly when all is well', async () => {
		const { tab } = device();
		const db = tab(2);
		const { watch, seen } = watched(db);
		expect(await watch.open()).toBe(true);
		expect(seen).toEqual([]);
		db.close();
	});

	it('an upgrade from another tab closes this one and says to reload', async () => {
		const { tab } = device();
		const oldTab = tab(1);
		const old = watched(oldTab);
		expect(await old.watch.open()).toBe(true);
		await oldTab.table('kv').put({ key: 'a', value: 1 });

		const newTab = tab(2);
		await newTab.open(); // not blocked: the old tab gave way
		expect(old.last()).toBe('versionchange');
		expect(oldTab.isOpen()).toBe(false);
		expect(await newTab.table('kv').get('a')).toEqual({ key: 'a', value: 1 });

		// the old tab's code cannot use the newer database; the advice stays "reload"
		const err = await oldTab
			.table('kv')
			.get('a')
			.catch((e: unknown) => e);
		old.watch.report(err);
		expect(old.last()).toBe('versionchange');
		newTab.close();
	});

	it('an upgrade blocked by a tab that holds on says to close it, then clears', async () => {
		const { indexedDB, tab } = device();
		const v1 = tab(1);
		await v1.open();
		v1.close();
		// an old tab that ignores versionchange (another browser's Malpro, a stuck tab)
		const stuck = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('malpro', 10); // Dexie's version 1
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});

		const newTab = tab(2);
		const fresh = watched(newTab);
		const opened = fresh.watch.open();
		await vi.waitFor(() => expect(fresh.last()).toBe('blocked'));

		stuck.close();
		expect(await opened).toBe(true);
		expect(fresh.seen).toEqual(['blocked', null]);
		newTab.close();
	});

	it('no usable IndexedDB (private mode, storage disabled) is "unavailable"', async () => {
		const refusing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		} as unknown as IDBFactory;
		const db = new Dexie('malpro', { indexedDB: refusing, IDBKeyRange });
		db.version(1).stores({ kv: 'key' });
		const { watch, seen } = watched(db);
		expect(await watch.open()).toBe(false);
		expect(seen).toEqual(['unavailable']);
		expect(classifyDbError(new Dexie.MissingAPIError())).toBe('unavailable');
	});

	it('a full disk is "quota", however Dexie wraps it', () => {
		const quota = new DOMException('quota', 'QuotaExceededError');
		expect(classifyDbError(quota)).toBe('quota');
		expect(classifyDbError(new Dexie.AbortError('Transaction aborted', quota))).toBe('quota');
		expect(classifyDbError(new Dexie.OpenFailedError(quota))).toBe('quota');

		const { tab } = device();
		const { watch, seen } = watched(tab(2));
		watch.report(new Dexie.AbortError('Transaction aborted', quota));
		watch.report(new Error('not a database error'));
		expect(seen).toEqual(['quota']);
	});

	it('anything else is "failed" (reload); other errors are not the database\'s', () => {
		const lost = new DOMException('Connection to Indexed Database server lost', 'UnknownError');
		expect(classifyDbError(new Dexie.OpenFailedError(lost))).toBe('failed');
		expect(isDbError(new Dexie.OpenFailedError(lost))).toBe(true);
		expect(isDbError(new TypeError('x is undefined'))).toBe(false);
		expect(isDbError(undefined)).toBe(false);
	});

	it('stop() detaches the handlers', async () => {
		const { tab } = device();
		const oldTab = tab(1);
		const old = watched(oldTab);
		await old.watch.open();
		old.watch.stop();
		const newTab = tab(2);
		await newTab.open();
		expect(old.seen).toEqual([]);
		newTab.close();
	});
});
