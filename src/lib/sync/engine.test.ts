import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { MalproDB } from '$lib/db/schema';
import { DexieOutbox, writeWithMutation } from '$lib/db/outbox';
import { backoffDelay } from './backoff';
import { SyncEngine } from './engine';
import { isId, newId } from './ids';
import { createLocalLock } from './lock';
import type { MutationResult, PushEnvelope, PushOutcome } from './types';

const OWNER = 'buyers:buyera000000001';

/** A device: its own IndexedDB, a scripted server, a manual clock. */
function device(answer: (env: PushEnvelope) => PushOutcome, hold?: () => Promise<void>) {
	const db = new MalproDB('malpro-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new DexieOutbox(db);
	const sent: PushEnvelope[] = [];
	const timers: { at: number; fn: () => void }[] = [];
	let now = 1_000_000;
	let owner: string | null = OWNER;
	const engine = new SyncEngine({
		store,
		transport: async (env) => {
			sent.push(structuredClone(env));
			await hold?.();
			return answer(env);
		},
		lock: createLocalLock(),
		clock: {
			now: () => now,
			setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
			clearTimeout: () => timers.splice(0)
		},
		random: () => 0.5,
		owner: () => owner,
		clientId: 'test-device'
	});
	return {
		db,
		store,
		engine,
		sent,
		timers,
		advance: (ms: number) => (now += ms),
		signOut: () => (owner = null),
		queue: (args: Record<string, unknown>, who = OWNER) =>
			writeWithMutation(db, { owner: who, name: 'order.place', args })
	};
}

const applyAll = (env: PushEnvelope): PushOutcome => ({
	kind: 'ok',
	results: env.mutations.map((m): MutationResult => ({
		id: m.id,
		status: 'applied',
		data: { ok: 1 }
	}))
});

describe('ids made on the device', () => {
	it('are 15 characters a-z0-9 and differ', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newId()));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(isId(id)).toBe(true);
	});
});

describe('backoff', () => {
	it('doubles up to a ceiling, with jitter in the upper half', () => {
		expect(backoffDelay(1, () => 0)).toBe(500);
		expect(backoffDelay(1, () => 1)).toBe(1000);
		expect(backoffDelay(3, () => 1)).toBe(4000);
		expect(backoffDelay(30, () => 1)).toBe(60_000);
	});
});

describe('SyncEngine', () => {
	it('sends the queue in the order it was written and prunes what was applied', async () => {
		const d = device(applyAll);
		const a = await d.queue({ n: 1 });
		const b = await d.queue({ n: 2 });
		const status = await d.engine.flush();
		expect(d.sent[0]?.mutations.map((m) => m.id)).toEqual([a.id, b.id]);
		expect(d.sent[0]?.clientId).toBe('test-device');
		expect(status).toMatchObject({ state: 'idle', unsent: 0, rejected: 0 });
		expect(await d.db.outbox.count()).toBe(0);
	});

	it('keeps a rejection visible with its reason, and sends the rest', async () => {
		const d = device((env) => ({
			kind: 'ok',
			results: env.mutations.map((m, i) =>
				i === 0
					? {
							id: m.id,
							status: 'rejected',
							code: 'stall_unavailable',
							message: 'Lapak tidak berjualan.'
						}
					: { id: m.id, status: 'duplicate' }
			)
		}));
		const rejected = await d.queue({ n: 1 });
		await d.queue({ n: 2 });
		const status = await d.engine.flush();
		expect(status).toMatchObject({ state: 'idle', unsent: 0, rejected: 1 });
		expect(await d.store.rejected(OWNER)).toMatchObject([
			{
				id: rejected.id,
				state: 'rejected',
				code: 'stall_unavailable',
				message: 'Lapak tidak berjualan.'
			}
		]);
		await d.store.dismiss(rejected.id);
		expect(await d.db.outbox.count()).toBe(0);
	});

	it('on a timeout keeps the same ids, backs off, and resends them', async () => {
		let fail = true;
		const d = device((env) => (fail ? { kind: 'transient', reason: 'timeout' } : applyAll(env)));
		const a = await d.queue({ n: 1 });
		const first = await d.engine.flush();
		expect(first).toMatchObject({ state: 'offline', unsent: 1 });
		expect(first.nextRetryAt).toBe(1_000_000 + 750);
		expect(d.timers).toHaveLength(1);
		const [entry] = await d.db.outbox.toArray();
		expect(entry).toMatchObject({ id: a.id, state: 'sent', attempts: 1 });

		fail = false;
		d.advance(750);
		d.timers[0]?.fn();
		await d.engine.flush();
		expect(d.sent.map((e) => e.mutations[0]?.id)).toEqual([a.id, a.id]);
		expect(await d.db.outbox.count()).toBe(0);
	});

	it('stops at the first transient error: later entries wait their turn', async () => {
		const d = device(() => ({ kind: 'transient', reason: 'network' }));
		await d.queue({ n: 1 });
		await d.queue({ n: 2 });
		await d.engine.flush();
		expect(d.sent).toHaveLength(1);
		expect(await d.store.countUnsent(OWNER)).toBe(2);
	});

	it('keeps the queue when the sign-in expired and asks to sign in again', async () => {
		const d = device(() => ({ kind: 'auth' }));
		await d.queue({ n: 1 });
		expect(await d.engine.flush()).toMatchObject({ state: 'auth_required', unsent: 1 });
	});

	it('isolates an entry the server cannot read and marks only it rejected', async () => {
		const d = device((env) =>
			env.mutations.some((m) => m.args.bad)
				? {
						kind: 'refused',
						status: 400,
						code: 'envelope_invalid',
						message: 'args is a JSON object'
					}
				: applyAll(env)
		);
		await d.queue({ n: 1 });
		const bad = await d.queue({ bad: true });
		await d.queue({ n: 3 });
		const status = await d.engine.flush();
		expect(status).toMatchObject({ state: 'idle', unsent: 0, rejected: 1 });
		expect((await d.store.rejected(OWNER)).map((e) => e.id)).toEqual([bad.id]);
	});

	it("keeps each user's queue apart on a shared phone", async () => {
		const d = device(applyAll);
		await d.queue({ n: 1 }, 'buyers:someoneelse0001');
		await d.queue({ n: 2 });
		await d.engine.flush();
		expect(d.sent[0]?.mutations).toHaveLength(1);
		expect(await d.store.countUnsent('buyers:someoneelse0001')).toBe(1);
	});

	it('folds flushes asked for during a flush into one more run', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((r) => (release = r));
		const d = device(applyAll, () => gate);
		await d.queue({ n: 1 });
		const first = d.engine.flush();
		await new Promise((r) => setTimeout(r, 20)); // the first push is on the wire
		await d.queue({ n: 2 }); // a local write meanwhile, and its triggers
		const second = d.engine.flush();
		const third = d.engine.flush();
		release();
		await Promise.all([first, second, third]);
		expect(d.sent.map((e) => e.mutations.length)).toEqual([1, 1]);
		expect(await d.db.outbox.count()).toBe(0);
	});

	it('does nothing when signed out', async () => {
		const d = device(applyAll);
		await d.queue({ n: 1 });
		d.signOut();
		expect(await d.engine.flush()).toMatchObject({ state: 'signed_out' });
		expect(d.sent).toHaveLength(0);
	});

	it('a local write and its outbox entry commit together or not at all', async () => {
		const d = device(applyAll);
		await expect(
			writeWithMutation(
				d.db,
				{ owner: OWNER, name: 'order.place', args: {} },
				[d.db.kv],
				async () => {
					await d.db.kv.put({ key: 'cart', value: 'emptied' });
					throw new Error('disk full');
				}
			)
		).rejects.toThrow('disk full');
		expect(await d.db.kv.get('cart')).toBeUndefined();
		expect(await d.db.outbox.count()).toBe(0);
	});
});

describe('SyncEngine when storage fails', () => {
	it('backs off instead of staying stuck in syncing', async () => {
		const d = device(applyAll);
		await d.queue({ n: 1 });
		const broken = new SyncEngine({
			store: {
				...d.store,
				unsent: () => Promise.reject(new Error('Connection to Indexed Database server lost')),
				countUnsent: (o: string) => d.store.countUnsent(o),
				countRejected: (o: string) => d.store.countRejected(o),
				markSent: (ids: string[], at: string) => d.store.markSent(ids, at),
				settle: (r: MutationResult[]) => d.store.settle(r)
			},
			transport: async () => ({ kind: 'ok', results: [] }),
			lock: createLocalLock(),
			clock: { now: () => 0, setTimeout: () => 1, clearTimeout: () => {} },
			random: () => 0.5,
			owner: () => OWNER,
			clientId: 'c'
		});
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await broken.flush()).toMatchObject({ state: 'offline', nextRetryAt: 750 });
		spy.mockRestore();
		expect(await d.db.outbox.count()).toBe(1);
	});
});
