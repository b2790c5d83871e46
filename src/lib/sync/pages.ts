import { parseRecord, type PulledCollection, type RowOf } from '$lib/api/catalog-records';
import { AppError } from '$lib/api/errors';
import type { CatalogTransport, Cursor, PageQuery, ReadCursor } from './catalog-types';
import { compareCursor, cursorOf } from './cursor';

/** How pages are read in one pull, and what they count. */
export type PageReader = {
	transport: CatalogTransport;
	pageSize: number;
	chunkSize: number;
	/** the server's time when this pull started reading */
	readAt: string;
	counts: { requests: number; skippedInvalid: number };
};

/** Where to read: after `from`; `seen` is where the cursor stood (below it, rows were read before). */
export type PageRange = { from: Cursor; seen: Cursor; only?: PageQuery['only'] };

/**
 * Reads a collection page by page in (updated, id) order and hands each chunk
 * of checked rows to `write` with the cursor of the last record read, past
 * records that failed their schema too, so they are not read forever. Those
 * are counted, once: not again when a later pull's overlap reads them.
 */
export async function readPages<C extends PulledCollection>(
	reader: PageReader,
	collection: C,
	range: PageRange,
	write: (rows: RowOf<C>[], cursor: ReadCursor) => Promise<void>
): Promise<void> {
	const { transport, pageSize, chunkSize, counts } = reader;
	let after = range.from;
	let chunk: RowOf<C>[] = [];
	let unwritten = false;
	for (;;) {
		const items = await transport.list({ collection, after, limit: pageSize, only: range.only });
		counts.requests++;
		const pageFrom = after;
		for (const raw of items) {
			const at = cursorOf(raw);
			if (at && compareCursor(at, after) <= 0) {
				throw new AppError('unknown', `${collection}: records out of (updated, id) order`);
			}
			if (at) after = at;
			unwritten = true;
			const row = parseRecord(collection, raw);
			if (row) chunk.push(row);
			else if (!at || compareCursor(at, range.seen) > 0) counts.skippedInvalid++;
		}
		const last = items.length < pageSize;
		if (!last && after === pageFrom) {
			throw new AppError('unknown', `${collection}: a whole page without (updated, id)`);
		}
		if (unwritten && (chunk.length >= chunkSize || last)) {
			await write(chunk, { ...after, readAt: reader.readAt });
			chunk = [];
			unwritten = false;
		}
		if (last) return;
	}
}
