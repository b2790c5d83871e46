import type { CatalogVersion, Cursor } from './catalog-types';

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

/** What a pull knew of the server's clock (a cursor row, or the last whole pull). */
export type ReadTimes = { readAt?: string | null; settledAt?: string | null };

/**
 * The server's settled time, checked: every catalog row stamped before it had
 * committed when the server answered (docs/catalog-sync.md). Null from an older
 * server that sends none, or if it is not a record time; never after serverTime.
 */
export function settledTime(v: CatalogVersion): string | null {
	const settled = v.settled ? shift(v.settled, 0) : null;
	const now = shift(v.serverTime, 0);
	return settled !== null && now !== null && now < settled ? now : settled;
}

/**
 * The time before which a pull saw every write: the server's settled time
 * when it started reading (settledTime), or, from an older server that sends
 * none, `overlapMs` before the server time then (a guess: writes commit within
 * `overlapMs`). Null if neither is known.
 */
export function settledOf(t: ReadTimes, overlapMs: number): string | null {
	if (t.settledAt) return t.settledAt;
	return t.readAt ? shift(t.readAt, -overlapMs) : null;
}

/**
 * Where a later pull of a collection starts. An autodate is taken inside a
 * transaction that may commit later, so a write can appear below a cursor a
 * pull already passed; but not below `settled`, a time before which the pull
 * that wrote the cursor (or a later whole pull) saw every write (settledOf).
 * So the pull re-reads, ties included, from `settled` when the cursor is at or
 * past it; a cursor older than that is exact. Without a known settled time, it
 * re-reads `overlapMs` before the cursor.
 */
export function resumeFrom(cursor: Cursor, settled: string | null, overlapMs: number): Cursor {
	if (cursor.updated === '') return START;
	const bound = settled ?? shift(cursor.updated, -overlapMs);
	if (bound === null) return START; // a time we cannot read: read everything again
	return cursor.updated < bound ? cursor : { updated: bound, id: '' };
}

/** A record time moved by ms (0: checked), in the same format; null if it is not one. */
export function shift(time: string, ms: number): string | null {
	const t = Date.parse(time.replace(' ', 'T'));
	return Number.isNaN(t) ? null : new Date(t + ms).toISOString().replace('T', ' ');
}
