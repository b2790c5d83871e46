import type { Table } from 'dexie';
import {
	isCatalogCollection,
	type CatalogCollection,
	type CatalogRow,
	type PulledCollection,
	type Tombstone
} from '$lib/api/catalog-records';
import type { Cursor, CursorRow, ReadCursor } from '$lib/sync/catalog-types';
import { START } from '$lib/sync/cursor';
import type { MalproDB } from './db';

/**
 * The catalog pull's writes (src/lib/sync/pull.ts). Every write is one
 * transaction that also moves the collection's cursor: an interrupted pull
 * (offline, tab closed) resumes after the last whole chunk, never in the
 * middle of one. None of this runs offline: rows only come from the server.
 */

/** Which server and catalog version the cached catalog came from. */
export type CachedVersion = { version: number; dataset: string };
/** What the person is told about the cached catalog, and when the server was last read. */
export type CatalogMeta = {
	syncedAt: number | null;
	/** the server's time when the last finished pull started reading (src/lib/sync/cursor.ts) */
	serverReadAt: string | null;
	/** the server's settled time then, if it sent one (src/lib/sync/cursor.ts) */
	serverSettledAt: string | null;
	/** records skipped because they failed their schema, since the catalog was last fetched whole */
	skippedInvalid: number;
};

const VERSION_KEY = 'catalog.version';
const META_KEY = 'catalog.meta';

/** The table of a catalog collection, typed by its rows. */
export function tableOf<C extends CatalogCollection>(
	db: MalproDB,
	collection: C
): Table<CatalogRow[C], string> {
	return db.table(collection) as Table<CatalogRow[C], string>;
}

const catalogTables = (db: MalproDB) => [db.categories, db.opds, db.stalls, db.products];

export async function readCachedVersion(db: MalproDB): Promise<CachedVersion | null> {
	const v = (await db.kv.get(VERSION_KEY))?.value as CachedVersion | undefined;
	return typeof v?.version === 'number' && typeof v.dataset === 'string' ? v : null;
}

export async function readCatalogMeta(db: MalproDB): Promise<CatalogMeta> {
	const m = (await db.kv.get(META_KEY))?.value as Partial<CatalogMeta> | undefined;
	return {
		syncedAt: m?.syncedAt ?? null,
		serverReadAt: m?.serverReadAt ?? null,
		serverSettledAt: m?.serverSettledAt ?? null,
		skippedInvalid: m?.skippedInvalid ?? 0
	};
}

/** A finished pull: when (device and server time), and how many records it could not read. */
export async function recordPull(
	db: MalproDB,
	pull: {
		at: number;
		serverReadAt: string;
		serverSettledAt?: string | null;
		skippedInvalid: number;
	}
): Promise<void> {
	// kv only: the pull's rows are already committed chunk by chunk
	await db.transaction('rw', db.kv, async () => {
		const meta = await readCatalogMeta(db);
		const value: CatalogMeta = {
			syncedAt: pull.at,
			serverReadAt: pull.serverReadAt,
			serverSettledAt: pull.serverSettledAt ?? null,
			skippedInvalid: meta.skippedInvalid + pull.skippedInvalid
		};
		await db.kv.put({ key: META_KEY, value });
	});
}

export function readCursor(db: MalproDB, coll: PulledCollection): Promise<CursorRow | undefined> {
	return db.cursors.get(coll);
}

/**
 * Empties the cached catalog and its cursors and notes the version it will be
 * filled from. Tombstones older than `tombstonesFrom` cannot concern an empty
 * catalog, so their pull starts there.
 */
export async function resetCatalog(
	db: MalproDB,
	version: CachedVersion,
	tombstonesFrom: Cursor & { settledAt?: string }
): Promise<void> {
	// one transaction: a failure leaves the old catalog whole (browsing offline still works)
	await db.transaction('rw', [...catalogTables(db), db.cursors, db.kv], async () => {
		for (const table of catalogTables(db)) await table.clear();
		await db.cursors.clear();
		await db.cursors.put({ coll: 'tombstones', ...tombstonesFrom });
		await db.kv.put({ key: VERSION_KEY, value: version });
		const meta: CatalogMeta = {
			syncedAt: null,
			serverReadAt: null,
			serverSettledAt: null,
			skippedInvalid: 0
		};
		await db.kv.put({ key: META_KEY, value: meta });
	});
}

/** What writing one chunk did. */
export type ChunkResult = {
	written: number;
	unchanged: number;
	/** rows skipped because unsent changes touch them */
	held: number;
	/** ids that were not on the device before */
	added: string[];
};

/**
 * Writes one chunk of pulled rows with one bulkPut, and moves the cursor to
 * `cursor` (null: a side read that leaves the cursor where it is). Rows whose
 * `updated` the device already has are not rewritten (the overlap re-reads
 * them); rows in `held` are not touched and their ids are kept to read again.
 */
export async function writeChunk<C extends CatalogCollection>(
	db: MalproDB,
	collection: C,
	rows: CatalogRow[C][],
	cursor: ReadCursor | null,
	held: ReadonlySet<string> = new Set(),
	/** the table held none of these rows before this pull (it was empty): nothing to compare */
	fresh = false
): Promise<ChunkResult> {
	const table = tableOf(db, collection);
	const result: ChunkResult = { written: 0, unchanged: 0, held: 0, added: [] };
	await db.transaction('rw', [table, db.cursors], async () => {
		// reading rows back costs as much as writing them: a first pull skips it
		const existing = fresh ? [] : await table.bulkGet(rows.map((r) => r.id));
		const put: CatalogRow[C][] = [];
		const heldIds: string[] = [];
		rows.forEach((row, i) => {
			const old = existing[i];
			if (held.has(row.id)) heldIds.push(row.id);
			else if (old?.updated === row.updated) result.unchanged++;
			else {
				if (!old) result.added.push(row.id);
				put.push(row);
			}
		});
		await table.bulkPut(put);
		result.written = put.length;
		result.held = heldIds.length;
		if (cursor || heldIds.length) await moveCursor(db, collection, cursor, heldIds);
	});
	return result;
}

/**
 * Applies one chunk of tombstones: each removes its row unless the row is newer
 * (recreated, or its stall verified again, since). A stall's removal takes its
 * products with it: the server stops showing them without a tombstone each.
 */
export async function applyTombstones(
	db: MalproDB,
	tombstones: Tombstone[],
	cursor: ReadCursor | null,
	held: (coll: CatalogCollection) => ReadonlySet<string>
): Promise<{ deleted: number; held: number }> {
	let deleted = 0;
	let heldCount = 0;
	await db.transaction('rw', [...catalogTables(db), db.cursors], async () => {
		const heldIds = new Map<CatalogCollection, string[]>();
		for (const t of tombstones) {
			if (!isCatalogCollection(t.coll)) continue;
			if (held(t.coll).has(t.record)) {
				heldIds.set(t.coll, [...(heldIds.get(t.coll) ?? []), t.record]);
				heldCount++;
				continue;
			}
			const row = await tableOf(db, t.coll).get(t.record);
			if (row && row.updated > t.updated) continue;
			deleted += await removeRow(db, t.coll, t.record, held('products'));
		}
		if (cursor) await moveCursor(db, 'tombstones', cursor, []);
		for (const [coll, ids] of heldIds) await moveCursor(db, coll, null, ids);
	});
	return { deleted, held: heldCount };
}

/**
 * Held rows read again from the server once no unsent change touches them:
 * those it still shows replace the local ones, those it no longer shows go.
 */
export async function settleReleased<C extends CatalogCollection>(
	db: MalproDB,
	collection: C,
	released: string[],
	rows: CatalogRow[C][]
): Promise<number> {
	const table = tableOf(db, collection);
	let deleted = 0;
	await db.transaction('rw', [...catalogTables(db), db.cursors], async () => {
		await table.bulkPut(rows);
		const shown = new Set(rows.map((r) => r.id));
		for (const id of released) {
			if (!shown.has(id)) deleted += await removeRow(db, collection, id, new Set());
		}
		const c = await db.cursors.get(collection);
		if (c) {
			const gone = new Set(released);
			await db.cursors.put({ ...c, held: (c.held ?? []).filter((id) => !gone.has(id)) });
		}
	});
	return deleted;
}

// inside a transaction over the catalog tables
async function removeRow(
	db: MalproDB,
	coll: CatalogCollection,
	id: string,
	heldProducts: ReadonlySet<string>
): Promise<number> {
	let n = 0;
	if (await tableOf(db, coll).get(id)) {
		await tableOf(db, coll).delete(id);
		n++;
	}
	if (coll === 'stalls') {
		n += await db.products
			.where('stall')
			.equals(id)
			.filter((p) => !heldProducts.has(p.id))
			.delete();
	}
	return n;
}

/**
 * A collection's cursor row after a write: at `cursor` (or where it was), and
 * holding the ids held before and those just skipped.
 */
function nextCursorRow(
	coll: PulledCollection,
	old: CursorRow | undefined,
	cursor: ReadCursor | null,
	heldIds: readonly string[]
): CursorRow {
	const held = [...new Set([...(old?.held ?? []), ...heldIds])];
	const at: Cursor & { readAt?: string; settledAt?: string } =
		cursor ??
		(old
			? { updated: old.updated, id: old.id, readAt: old.readAt, settledAt: old.settledAt }
			: START);
	return { coll, ...at, ...(held.length ? { held } : {}) };
}

// inside a transaction over db.cursors
async function moveCursor(
	db: MalproDB,
	coll: PulledCollection,
	cursor: ReadCursor | null,
	heldIds: string[]
): Promise<void> {
	await db.cursors.put(nextCursorRow(coll, await db.cursors.get(coll), cursor, heldIds));
}

/** Rows kept per catalog collection. */
export async function countCatalog(db: MalproDB): Promise<Record<CatalogCollection, number>> {
	const [categories, opds, stalls, products] = await Promise.all(
		catalogTables(db).map((t) => t.count())
	);
	return {
		categories: categories ?? 0,
		opds: opds ?? 0,
		stalls: stalls ?? 0,
		products: products ?? 0
	};
}
