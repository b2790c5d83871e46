import { describe, expect, it } from 'vitest';
import { compareCursor, resumeFrom, shift, START } from './cursor';

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

	it('resume exactly after a cursor older than the last read minus the overlap', () => {
		const cursor = at('2026-11-28 01:00:00.000Z');
		expect(resumeFrom(cursor, '2026-11-28 02:00:00.000Z', 2000)).toEqual(cursor);
	});

	it('re-read, ties included, from the overlap before the last read when the cursor is that recent', () => {
		const cursor = at('2026-11-28 01:59:59.000Z');
		expect(resumeFrom(cursor, '2026-11-28 02:00:00.000Z', 2000)).toEqual({
			updated: '2026-11-28 01:59:58.000Z',
			id: ''
		});
		// no known read time: the overlap before the cursor itself
		expect(resumeFrom(cursor, null, 2000)).toEqual({ updated: '2026-11-28 01:59:57.000Z', id: '' });
	});

	it('start over from the beginning, or when a time cannot be read', () => {
		expect(resumeFrom(START, '2026-11-28 02:00:00.000Z', 2000)).toEqual(START);
		expect(resumeFrom(at('garbage'), null, 2000)).toEqual(START);
	});
});
