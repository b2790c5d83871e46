import { parseRecord, type PulledCollection, type RowOf } from '$lib/api/catalog-records';
import { AppError } from '$lib/api/errors';
import type { CatalogTransport, Cursor, PageQuery, ReadCursor } from './catalog-types';
import { compareCursor, cursorOf } from './cursor';
import { yieldToMain } from './yield';

/** How pages are read in one pull, and what they count. */
export type PageReader = {
	transport: CatalogTransport;
	pageSize: number;
	/** the first page of each read: smaller, so its rows are stored (and shown) sooner */
	firstPageSize?: number;
	chunkSize: number;
	/** the server's time when this pull started reading */
	readAt: string;
	counts: { requests: number; skippedInvalid: number };
	/** the thread's break between pages, slices and chunks (default: yieldToMain) */
	pause?: () => Promise<void>;
};

/** Where to read: after `from`; `seen` is where the cursor stood (below it, rows were read before). */
export type PageRange = { from: Cursor; seen: Cursor; only?: PageQuery['only'] };

/** Records checked between two breaks for the page (each takes 10–40 µs). */
const PARSE_SLICE = 50;

/**
 * Reads a collection page by page in (updated, id) order and hands each chunk
 * of checked rows to `write` with the cursor of the last record read, past
 * records that failed their schema too, so they are not read forever. Those
 * are counted, once: not again when a later pull's overlap reads them.
 *
 * A chunk is written once it holds `chunkSize` rows (in the middle of a page
 * too), after the first page (the first rows land early) and after the last.
 * Between pages, record slices and chunks it gives the page's main thread a
 * turn (yieldToMain, or reader.pause): a first pull of 10,000 products on the
 * page's thread never blocks taps.
 */
export async function readPages<C extends PulledCollection>(
	reader: PageReader,
	collection: C,
	range: PageRange,
	write: (rows: RowOf<C>[], cursor: ReadCursor) => Promise<void>
): Promise<void> {
	const { transport, pageSize, chunkSize, counts } = reader;
	const pause = reader.pause ?? yieldToMain;
	let after = range.from;
	let chunk: RowOf<C>[] = [];
	let unwritten = false;
	let limit = Math.min(reader.firstPageSize ?? pageSize, pageSize);
	const flush = async () => {
		const rows = chunk;
		chunk = [];
		unwritten = false;
		await write(rows, { ...after, readAt: reader.readAt });
		await pause();
	};
	// the next page is asked for while this one is checked and stored
	let next: { after: Cursor; items: Promise<unknown[]> } | null = null;
	for (let first = true; ; first = false) {
		const items: unknown[] =
			next && compareCursor(next.after, after) === 0
				? await next.items
				: await transport.list({ collection, after, limit, only: range.only });
		next = null;
		counts.requests++;
		const ahead: Cursor | null = items.length === limit ? lastCursor(items) : null;
		if (ahead) {
			const asked = transport.list({ collection, after: ahead, limit: pageSize, only: range.only });
			asked.catch(() => {}); // (if this page fails first, nobody waits for that one)
			next = { after: ahead, items: asked };
		}
		await pause();
		const pageFrom = after;
		for (let i = 0; i < items.length; i++) {
			const raw = items[i];
			const at = cursorOf(raw);
			if (at && compareCursor(at, after) <= 0) {
				throw new AppError('unknown', `${collection}: records out of (updated, id) order`);
			}
			if (at) after = at;
			unwritten = true;
			const row = parseRecord(collection, raw);
			if (row) chunk.push(row);
			else if (!at || compareCursor(at, range.seen) > 0) counts.skippedInvalid++;
			if (chunk.length >= chunkSize) await flush();
			else if ((i + 1) % PARSE_SLICE === 0) await pause();
		}
		const last = items.length < limit;
		if (!last && after === pageFrom) {
			throw new AppError('unknown', `${collection}: a whole page without (updated, id)`);
		}
		if (unwritten && (last || first)) await flush();
		if (last) return;
		limit = pageSize;
	}
}

/** The (updated, id) of the last record of a page that has one. */
function lastCursor(items: unknown[]): Cursor | null {
	for (let i = items.length - 1; i >= 0; i--) {
		const at = cursorOf(items[i]);
		if (at) return at;
	}
	return null;
}
