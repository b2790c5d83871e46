import {
	catalogCollections,
	type CatalogCollection,
	type CatalogRow,
	type PulledCollection
} from '$lib/api/catalog-records';
import {
	applyTombstones,
	readCachedVersion,
	readCatalogMeta,
	readCursor,
	recordPull,
	resetCatalog,
	settleReleased,
	tableOf,
	writeChunk
} from '$lib/db/catalog-store';
import type { MalproDB } from '$lib/db/db';
import { heldCatalogIds } from '$lib/db/held';
import type {
	CatalogTransport,
	Cursor,
	HeldIds,
	PageQuery,
	PullReport,
	ReadCursor
} from './catalog-types';
import { resumeFrom, settledOf, settledTime, START } from './cursor';
import { readPages, type PageRange, type PageReader } from './pages';

export type PullOptions = {
	db: MalproDB;
	transport: CatalogTransport;
	/** device time of the pull, for "updated 5 minutes ago" */
	now?: () => number;
	/** catalog ids that unsent mutations touch (default: from the outbox) */
	held?: () => Promise<HeldIds>;
	/** records per request; PocketBase allows up to 1000, 500 keeps answers small */
	pageSize?: number;
	/** records in the first request of each collection: its rows are stored (and shown) sooner */
	firstPageSize?: number;
	/**
	 * rows per write transaction: on the page's thread (the default, 25) small
	 * enough that one write never blocks the page; the pull worker takes 200
	 */
	chunkSize?: number;
	/**
	 * the break the pull gives its thread between pages, record slices and
	 * chunks (default: yieldToMain, for the page's taps); the pull worker has
	 * no page to give way to
	 */
	pause?: () => Promise<void>;
	/** called after each committed chunk that changed catalog rows (the pages may show them) */
	onProgress?: (progress: PullProgress) => void;
	/** how long a write may take to commit: what each pull re-reads (src/lib/sync/cursor.ts) */
	overlapMs?: number;
};

/** What a pull has stored so far: the collection of the chunk just committed, rows per collection. */
export type PullProgress = { collection: CatalogCollection; written: PullReport['written'] };

/** Values per `only` filter: keeps the request URL short. */
const ONLY_BATCH = 40;

/** One pull's state, shared by its steps. */
type Pull = {
	db: MalproDB;
	reader: PageReader;
	report: PullReport;
	held: (coll: PulledCollection) => ReadonlySet<string>;
	/** the time before which the last finished pull saw every write (src/lib/sync/cursor.ts) */
	lastSettled: string | null;
	overlapMs: number;
	/** the server's settled time when this pull started reading, if it sent one */
	settledAt: string | null;
	onProgress: (progress: PullProgress) => void;
};

/**
 * Brings the cached catalog up to date with the server (docs/catalog-sync.md):
 * 1. a different catalog version or dataset drops the cache and pulls it whole;
 * 2. rows held for unsent mutations that are no longer held are read again;
 * 3. categories, OPDs, stalls and products after their (updated, id) cursors,
 *    re-reading what late commits may have added, written chunk by chunk;
 * 4. the products of stalls new to the device (just verified, or verified again);
 * 5. tombstones after their cursor remove what the server no longer shows.
 * Progress is committed per chunk: a pull that fails resumes there next time.
 */
export async function pullCatalog(o: PullOptions): Promise<PullReport> {
	const { db, transport } = o;
	const remote = await transport.version();
	const report: PullReport = {
		dropped: false,
		version: remote.version,
		written: { categories: 0, opds: 0, stalls: 0, products: 0, tombstones: 0 },
		deleted: 0,
		skippedInvalid: 0,
		held: 0,
		chunks: 0,
		requests: 1
	};

	// every catalog row stamped before it has committed: what this pull reads holds them all
	const settledAt = settledTime(remote);
	const cached = await readCachedVersion(db);
	if (cached?.version !== remote.version || cached.dataset !== remote.dataset) {
		report.dropped = cached !== null;
		const version = { version: remote.version, dataset: remote.dataset };
		const from = settledAt ? { settledAt, updated: settledAt } : { updated: remote.serverTime };
		await resetCatalog(db, version, { ...from, id: '' });
	}

	const held = await (o.held ?? (() => heldCatalogIds(db)))();
	const overlapMs = o.overlapMs ?? 2000;
	const last = await readCatalogMeta(db);
	const pull: Pull = {
		db,
		report,
		reader: {
			transport,
			pageSize: o.pageSize ?? 500,
			firstPageSize: o.firstPageSize ?? 100,
			// Each row's put costs the thread that makes it 50–100 µs (more on a slow
			// phone): on the page's thread 25 rows keep a write far from a long task;
			// the pull worker takes 200 at a time (fewer transactions, a faster pull).
			chunkSize: o.chunkSize ?? 25,
			readAt: remote.serverTime,
			counts: report,
			pause: o.pause
		},
		held: (c) => held[c] ?? new Set<string>(),
		lastSettled: settledOf(
			{ readAt: last.serverReadAt, settledAt: last.serverSettledAt },
			overlapMs
		),
		overlapMs,
		settledAt,
		onProgress: o.onProgress ?? (() => {})
	};

	await rereadReleased(pull);
	const productsPulledBefore = (await readCursor(db, 'products')) !== undefined;
	let newStalls: string[] = [];
	for (const collection of catalogCollections) {
		const added = await pullRows(pull, collection, await rangeOf(pull, collection), true);
		if (collection === 'stalls') newStalls = added;
	}
	// Their products may be older than the products cursor: a seller fills a stall
	// before the city verifies it. A first pull reads every product anyway.
	if (productsPulledBefore) {
		const seen = await cursorOf(db, 'products');
		for (const stalls of batches(newStalls)) {
			const only = { field: 'stall', values: stalls } as const;
			await pullRows(pull, 'products', { from: START, seen, only }, false);
		}
	}
	await pullTombstones(pull);

	await recordPull(db, {
		at: (o.now ?? Date.now)(),
		serverReadAt: remote.serverTime,
		serverSettledAt: settledAt,
		skippedInvalid: report.skippedInvalid
	});
	return report;
}

/** Reads rows into their table chunk by chunk; returns the ids new to the device. */
async function pullRows<C extends CatalogCollection>(
	pull: Pull,
	collection: C,
	range: PageRange,
	moveCursor: boolean
): Promise<string[]> {
	const { db, report } = pull;
	const added: string[] = [];
	// an empty table (a first pull) has no rows to compare with: none is read back
	const fresh = (await tableOf(db, collection).count()) === 0;
	await readPages(pull.reader, collection, range, async (rows, cursor) => {
		const r = await writeChunk(
			db,
			collection,
			rows as CatalogRow[C][],
			moveCursor ? withSettled(pull, cursor) : null,
			pull.held(collection),
			fresh
		);
		report.chunks++;
		report.written[collection] += r.written;
		report.held += r.held;
		added.push(...r.added);
		if (r.written > 0) pull.onProgress({ collection, written: report.written });
	});
	return added;
}

async function pullTombstones(pull: Pull): Promise<void> {
	const { db, report } = pull;
	const range = await rangeOf(pull, 'tombstones');
	await readPages(pull.reader, 'tombstones', range, async (rows, cursor) => {
		const r = await applyTombstones(db, rows, withSettled(pull, cursor), pull.held);
		report.chunks++;
		report.written.tombstones += rows.length;
		report.deleted += r.deleted;
		report.held += r.held;
	});
}

/** Rows held for unsent mutations and released since: the server's version replaces them. */
async function rereadReleased(pull: Pull): Promise<void> {
	for (const collection of catalogCollections) {
		const row = await readCursor(pull.db, collection);
		const released = (row?.held ?? []).filter((id) => !pull.held(collection).has(id));
		const seen = await cursorOf(pull.db, collection);
		for (const ids of batches(released)) {
			const rows: CatalogRow[typeof collection][] = [];
			const only: PageQuery['only'] = { field: 'id', values: ids };
			await readPages(pull.reader, collection, { from: START, seen, only }, async (chunk) => {
				rows.push(...chunk);
			});
			pull.report.deleted += await settleReleased(pull.db, collection, ids, rows);
		}
	}
}

/**
 * Where this pull reads a collection from: its cursor, moved back for late
 * commits to the later of the settled times of the pull that wrote the cursor
 * and of the last whole pull (each alone is safe: docs/catalog-sync.md).
 */
async function rangeOf(pull: Pull, collection: PulledCollection): Promise<PageRange> {
	const row = await readCursor(pull.db, collection);
	const seen = row ? { updated: row.updated, id: row.id } : START;
	const settled =
		[row ? settledOf(row, pull.overlapMs) : null, pull.lastSettled]
			.filter((t) => t != null)
			.sort()
			.pop() ?? null;
	return { from: resumeFrom(seen, settled, pull.overlapMs), seen };
}

/** A cursor this pull read up to, with the settled time it knows writes by. */
function withSettled(pull: Pull, cursor: ReadCursor): ReadCursor {
	return pull.settledAt ? { ...cursor, settledAt: pull.settledAt } : cursor;
}

async function cursorOf(db: MalproDB, collection: PulledCollection): Promise<Cursor> {
	const row = await readCursor(db, collection);
	return row ? { updated: row.updated, id: row.id } : START;
}

function batches(ids: string[]): string[][] {
	const out: string[][] = [];
	for (let i = 0; i < ids.length; i += ONLY_BATCH) out.push(ids.slice(i, i + ONLY_BATCH));
	return out;
}
