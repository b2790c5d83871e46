import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Category, OpdRow, Product, Stall } from '$lib/api/catalog-records';
import type { CursorRow } from '$lib/sync/catalog-types';
import type { OutboxEntry } from '$lib/sync/types';
import type { LocalOrder } from './orders';

/** A small value kept on the device under a name (the sign-in, later sync cursors). */
export type KvRow = { key: string; value: unknown };

/**
 * The app's one IndexedDB database, shared by the pages and the service worker.
 * A schema change is a new `this.version(n)` below, never an edit of an old one:
 * devices upgrade from whatever version they have.
 */
export class MalproDB extends Dexie {
	kv!: EntityTable<KvRow, 'key'>;
	/** changes waiting for the server; `seq` orders them locally and never syncs */
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	/** the catalog cached for browsing offline: a copy of the server's, replaced by pulls */
	stalls!: EntityTable<Stall, 'id'>;
	categories!: EntityTable<Category, 'id'>;
	opds!: EntityTable<OpdRow, 'id'>;
	products!: EntityTable<Product, 'id'>;
	/** where each pulled collection's next pull starts (src/lib/sync/pull.ts) */
	cursors!: EntityTable<CursorRow, 'coll'>;
	/** the buyer's orders: placed here (waiting to be sent) and as the server last told */
	orders!: EntityTable<LocalOrder, 'id'>;

	/** options.indexedDB lets Node tests give each simulated device its own storage */
	constructor(name = 'malpro', options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({ kv: 'key' });
		this.version(2).stores({ outbox: '++seq, &id, [owner+seq], [owner+state]' });
		// the offline catalog: new tables only, so the upgrade moves no data
		this.version(3).stores({
			stalls: 'id, kecamatan',
			categories: 'id',
			opds: 'id',
			products: 'id, stall, category',
			cursors: 'coll'
		});
		// "Pesanan saya": a new table, the upgrade moves no data
		this.version(4).stores({ orders: 'id, [owner+queuedAt]' });
		// counts of listed products only (src/lib/db/catalog.ts, productCounts): an
		// inactive product has no listedCategory nor listedStall, so these indexes
		// leave it out; the upgrade adds them to the products already kept
		this.version(5)
			.stores({ products: 'id, stall, category, listedCategory, listedStall' })
			.upgrade((tx) =>
				tx
					.table('products')
					.toCollection()
					.modify((p: Product) => {
						// (as catalog-records.ts's productRecord stores a pulled one)
						if (p.active) {
							p.listedCategory = p.category;
							p.listedStall = p.stall;
						}
					})
			);
	}
}
