import type { PulledCollection } from '$lib/api/catalog-records';

/**
 * A position in a collection pulled in (updated, id) order: every record after
 * it sorts later by updated, then by id. `updated: ''` is the very beginning;
 * `id: ''` means "from this time on, ties included".
 */
export type Cursor = { updated: string; id: string };

/**
 * A cursor, the server time its pull started reading at and the server's
 * settled time then, if it sent one (src/lib/sync/cursor.ts).
 */
export type ReadCursor = Cursor & { readAt: string; settledAt?: string };

/** A collection's pull position, kept on the device. */
export type CursorRow = Cursor & {
	coll: PulledCollection;
	readAt?: string;
	settledAt?: string;
	/**
	 * ids the pull skipped because unsent changes touch them; read again from
	 * the server once those changes are gone (docs/catalog-sync.md)
	 */
	held?: string[];
};

/** One page: records strictly after `after`, in (updated, id) order, at most `limit`. */
export type PageQuery = {
	collection: PulledCollection;
	after: Cursor;
	limit: number;
	/** only records whose field is one of these values (a stall's products, held rows) */
	only?: { field: 'id' | 'stall'; values: string[] };
};

/** The server's catalog version: a different version or dataset drops the cached catalog. */
export type CatalogVersion = {
	version: number;
	dataset: string;
	/** the server's clock, in the records' time format */
	serverTime: string;
	/**
	 * every catalog row (tombstones included) stamped before this time had
	 * committed when the server answered; older servers do not send it
	 */
	settled?: string;
};

/** How the pull reaches the server (fetch in the app, an in-memory list in unit tests). */
export type CatalogTransport = {
	version(): Promise<CatalogVersion>;
	/** raw records, unchecked: the pull checks each one */
	list(query: PageQuery): Promise<unknown[]>;
};

/** ids per collection that unsent changes touch: the pull must not overwrite them. */
export type HeldIds = Partial<Record<PulledCollection, ReadonlySet<string>>>;

/** What one pull did. */
export type PullReport = {
	/** the cached catalog was dropped (version or dataset changed) before pulling */
	dropped: boolean;
	version: number;
	/** rows written per collection (new or changed) */
	written: Record<PulledCollection, number>;
	/** rows removed by tombstones, held-row refetches or a stall's removal */
	deleted: number;
	/** records that failed their schema: skipped, never stored */
	skippedInvalid: number;
	/** rows not overwritten because unsent changes touch them */
	held: number;
	/** write transactions of pulled rows (one per chunk) */
	chunks: number;
	/** requests made (version included) */
	requests: number;
};
