import type { CatalogCollection, CatalogRow, PulledCollection } from '$lib/api/catalog-records';
import type { ChunkResult } from '$lib/db/catalog-store';
import type { Cursor, CursorRow, ReadCursor } from './catalog-types';
import { START } from './cursor';

/**
 * One chunk of a pull's rows to store (src/lib/db/catalog-store.ts `writeChunk`
 * says what storing it means), as it crosses to the worker that stores it
 * (chunk-writer.worker.ts): plain data, no Dexie.
 */
export type ChunkWrite<C extends CatalogCollection = CatalogCollection> = {
	collection: C;
	rows: CatalogRow[C][];
	/** where the collection's cursor moves with these rows; null: it stays */
	cursor: ReadCursor | null;
	/** ids that unsent changes touch: not written, kept on the cursor to read again */
	held: string[];
	/** the table held none of these rows before this pull: nothing to compare */
	fresh: boolean;
};

/** Stores one chunk (in one transaction with the cursor); what it did. */
export type ChunkWriter = (write: ChunkWrite) => Promise<ChunkResult>;

/**
 * A collection's cursor row after a write: at `cursor` (or where it was), and
 * holding the ids held before and those just skipped.
 */
export function nextCursorRow(
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

/**
 * `writeChunk` over a plain IndexedDB connection, for the worker that stores a
 * first pull away from the page's thread (each put costs the thread that makes
 * it 50–100 µs: ten thousand of them would hold the page up). Same rules: rows
 * the device has at the same `updated` are not rewritten, held rows are not
 * touched and their ids are kept on the cursor, and the rows and the cursor are
 * one transaction.
 */
export function writeChunkIdb(idb: IDBDatabase, w: ChunkWrite): Promise<ChunkResult> {
	return new Promise((resolve, reject) => {
		const result: ChunkResult = { written: 0, unchanged: 0, held: 0, added: [] };
		const tx = idb.transaction([w.collection, 'cursors'], 'readwrite');
		tx.oncomplete = () => resolve(result);
		tx.onerror = () => reject(tx.error ?? new Error(`${w.collection}: write failed`));
		tx.onabort = () => reject(tx.error ?? new Error(`${w.collection}: write aborted`));
		const table = tx.objectStore(w.collection);
		const cursors = tx.objectStore('cursors');

		const held = new Set(w.held);
		const heldIds = w.rows.filter((r) => held.has(r.id)).map((r) => r.id);
		const rows = w.rows.filter((r) => !held.has(r.id));
		result.held = heldIds.length;

		const moveCursor = () => {
			if (!w.cursor && heldIds.length === 0) return;
			const old = cursors.get(w.collection);
			old.onsuccess = () => {
				cursors.put(
					nextCursorRow(w.collection, old.result as CursorRow | undefined, w.cursor, heldIds)
				);
			};
		};
		const put = (row: (typeof rows)[number], isNew: boolean) => {
			if (isNew) result.added.push(row.id);
			table.put(row);
			result.written++;
		};

		if (w.fresh) {
			for (const row of rows) put(row, true);
			moveCursor();
			return;
		}
		// requests of one transaction answer in order: the puts follow the reads'
		let waiting = rows.length;
		if (waiting === 0) moveCursor();
		for (const row of rows) {
			const read = table.get(row.id);
			read.onsuccess = () => {
				const old = read.result as { updated?: string } | undefined;
				if (old?.updated === row.updated) result.unchanged++;
				else put(row, !old);
				if (--waiting === 0) moveCursor();
			};
		}
	});
}
