import type { Cursor } from './catalog-types';

/** Before every record. */
export const START: Cursor = { updated: '', id: '' };

/** Orders cursors (and records) by updated, then id: the server's `sort=updated,id`. */
export function compareCursor(a: Cursor, b: Cursor): number {
	if (a.updated !== b.updated) return a.updated < b.updated ? -1 : 1;
	return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** The (updated, id) of a raw record, if it has them: enough to move past it. */
export function cursorOf(raw: unknown): Cursor | null {
	const r = raw as { updated?: unknown; id?: unknown } | null;
	return typeof r?.updated === 'string' && typeof r.id === 'string'
		? { updated: r.updated, id: r.id }
		: null;
}

/**
 * Where a later pull of a collection starts. A write stamped before a record
 * already pulled may commit after it (an autodate is taken inside a transaction
 * that commits later; many rows share a millisecond), but only while that pull
 * was reading: so the pull re-reads, ties included, from `overlapMs` before the
 * server time it last started reading at. A cursor older than that is exact.
 * Without a known read time, it re-reads `overlapMs` before the cursor.
 */
export function resumeFrom(cursor: Cursor, lastReadAt: string | null, overlapMs: number): Cursor {
	if (cursor.updated === '') return START;
	const bound = shift(lastReadAt ?? cursor.updated, -overlapMs);
	if (bound === null) return START; // a time we cannot read: read everything again
	return cursor.updated < bound ? cursor : { updated: bound, id: '' };
}

/** A record time moved by ms, in the same format; null if it is not one. */
export function shift(time: string, ms: number): string | null {
	const t = Date.parse(time.replace(' ', 'T'));
	return Number.isNaN(t) ? null : new Date(t + ms).toISOString().replace('T', ' ');
}
