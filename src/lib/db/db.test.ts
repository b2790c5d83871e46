import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '$lib/sync/types';
import type { Product } from '$lib/api/catalog-records';
import { productCounts } from './catalog';
import { MalproDB } from './schema';

describe('MalproDB schema upgrades', () => {
	it('keeps a pending outbox entry from version 2 through the catalog tables (3) and on', async () => {
		const indexedDB = new IDBFactory();
		// the database as the previous release left it on a phone
		const old = new Dexie('malpro-upgrade', { indexedDB, IDBKeyRange });
		old.version(1).stores({ kv: 'key' });
		old.version(2).stores({ outbox: '++seq, &id, [owner+seq], [owner+state]' });
		const entry: OutboxEntry = {
			id: 'mut000000000001',
			owner: 'buyers:budi00000000001',
			name: 'order.place',
			args: { order: 'ord000000000001' },
			createdAt: '2026-11-28T01:00:00.000Z',
			state: 'pending',
			attempts: 0
		};
		await old.table('outbox').add(entry);
		await old.table('kv').put({ key: 'auth', value: { token: 't' } });
		old.close();

		const db = new MalproDB('malpro-upgrade', { indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBeGreaterThanOrEqual(3); // and whatever came after
		expect(await db.outbox.toArray()).toEqual([{ ...entry, seq: 1 }]);
		expect(await db.outbox.where('[owner+state]').equals([entry.owner, 'pending']).count()).toBe(1);
		expect(await db.kv.get('auth')).toEqual({ key: 'auth', value: { token: 't' } });
		expect(await db.products.count()).toBe(0);
		expect(await db.cursors.count()).toBe(0);
		db.close();
	});

	it('indexes the listed products of a version 4 catalog (5), so counts leave inactive ones out', async () => {
		const indexedDB = new IDBFactory();
		const old = new Dexie('malpro-v4', { indexedDB, IDBKeyRange });
		old.version(4).stores({
			kv: 'key',
			outbox: '++seq, &id, [owner+seq], [owner+state]',
			stalls: 'id, kecamatan',
			categories: 'id',
			opds: 'id',
			products: 'id, stall, category',
			cursors: 'coll',
			orders: 'id, [owner+queuedAt]'
		});
		const row = (id: string, active: boolean): Product => ({
			id,
			stall: 'stallsanan00001',
			category: 'catsnack0000001',
			name: `Produk ${id}`,
			description: '',
			unit: 'pcs',
			price: 5_000,
			stock: 3,
			image: '',
			active,
			updated: '2026-11-28 01:00:00.000Z'
		});
		await old
			.table('products')
			.bulkPut([row('prod00000000001', true), row('prod00000000002', false)]);
		old.close();

		const db = new MalproDB('malpro-v4', { indexedDB, IDBKeyRange });
		await db.open();
		expect(db.verno).toBeGreaterThanOrEqual(5);
		expect(await db.products.get('prod00000000001')).toEqual({
			...row('prod00000000001', true),
			listedCategory: 'catsnack0000001',
			listedStall: 'stallsanan00001'
		});
		expect(await db.products.get('prod00000000002')).toEqual(row('prod00000000002', false));
		expect(await productCounts(db, 'category', ['catsnack0000001'])).toEqual([1]);
		expect(await productCounts(db, 'stall', ['stallsanan00001'])).toEqual([1]);
		db.close();
	});
});
