import { describe, expect, it } from 'vitest';
import { compareCursor, resumeFrom, settledOf, settledTime, shift, START } from './cursor';

const at = (updated: string, id = 'a00000000000001') => ({ updated, id });

describe('cursors', () => {
	it('order by updated, then id', () => {
		expect(
			compareCursor(at('2026-11-28 01:00:00.000Z', 'b'), at('2026-11-28 01:00:00.001Z', 'a'))
		).toBe(-1);
		expect(
			compareCursor(at('2026-11-28 01:00:00.000Z', 'b'), at('2026-11-28 01:00:00.000Z', 'a'))
		).toBe(1);
		expect(compareCursor(START, at('2026-11-28 01:00:00.000Z', ''))).toBe(-1);
	});

	it('shift a record time in its own format', () => {
		expect(shift('2026-11-28 01:00:00.500Z', -2000)).toBe('2026-11-28 00:59:58.500Z');
		expect(shift('not a time', 1)).toBeNull();
	});

	it('resume exactly after a cursor older than the settled time', () => {
		const cursor = at('2026-11-28 01:00:00.000Z');
		expect(resumeFrom(cursor, '2026-11-28 02:00:00.000Z', 2000)).toEqual(cursor);
		expect(resumeFrom(cursor, '2026-11-28 01:00:00.001Z', 2000)).toEqual(cursor);
	});

	it('re-read, ties included, from the settled time when the cursor is at or past it', () => {
		const cursor = at('2026-11-28 01:59:59.000Z');
		expect(resumeFrom(cursor, '2026-11-28 01:59:58.000Z', 2000)).toEqual({
			updated: '2026-11-28 01:59:58.000Z',
			id: ''
		});
		// at it: rows stamped at the settled time itself may still have been in flight
		expect(resumeFrom(cursor, cursor.updated, 2000)).toEqual({ updated: cursor.updated, id: '' });
		// no known settled time: the overlap before the cursor itself
		expect(resumeFrom(cursor, null, 2000)).toEqual({ updated: '2026-11-28 01:59:57.000Z', id: '' });
	});

	it('start over from the beginning, or when a time cannot be read', () => {
		expect(resumeFrom(START, '2026-11-28 02:00:00.000Z', 2000)).toEqual(START);
		expect(resumeFrom(at('garbage'), null, 2000)).toEqual(START);
	});
});

describe('settled times', () => {
	const version = {
		version: 1,
		dataset: 'dataset00000001',
		serverTime: '2026-11-28 02:00:00.000Z'
	};

	it('take the server’s settled time, checked, never after its clock', () => {
		expect(settledTime({ ...version, settled: '2026-11-28 01:59:59.950Z' })).toBe(
			'2026-11-28 01:59:59.950Z'
		);
		expect(settledTime({ ...version, settled: '2026-11-28 02:00:05.000Z' })).toBe(
			version.serverTime
		);
		expect(settledTime({ ...version, settled: 'soon' })).toBeNull();
		expect(settledTime(version)).toBeNull(); // an older server
	});

	it('fall back to the overlap before the read time from an older server', () => {
		const readAt = '2026-11-28 02:00:00.000Z';
		// a write in flight for 10 s: the settled time lags further than any overlap
		expect(settledOf({ readAt, settledAt: '2026-11-28 01:59:50.000Z' }, 2000)).toBe(
			'2026-11-28 01:59:50.000Z'
		);
		expect(settledOf({ readAt }, 2000)).toBe('2026-11-28 01:59:58.000Z');
		expect(settledOf({ readAt, settledAt: null }, 2000)).toBe('2026-11-28 01:59:58.000Z');
		expect(settledOf({}, 2000)).toBeNull();
	});
});
