import { describe, expect, it } from 'vitest';
import { formatWib, toDate, wibDay } from './time';

describe('wibDay', () => {
	it.each([
		// UTC instant             → WIB day
		['2026-11-27T16:59:59.999Z', '2026-11-27'], // 23.59 WIB
		['2026-11-27T17:00:00.000Z', '2026-11-28'], // 00.00 WIB: a new day in Malang, still the 27th in UTC
		['2026-11-28T12:00:00Z', '2026-11-28'],
		['2026-11-28T16:59:59Z', '2026-11-28'],
		['2026-12-31T17:00:00Z', '2027-01-01'], // new year in WIB first
		['2028-02-28T17:30:00Z', '2028-02-29'], // leap day
		['2026-03-01T00:00:00+07:00', '2026-03-01'] // written with an offset
	])('%s → %s', (utc, day) => {
		expect(wibDay(utc)).toBe(day);
	});

	it('reads PocketBase dates (a space, not a T)', () => {
		expect(wibDay('2026-11-27 17:00:00.123Z')).toBe('2026-11-28');
		expect(toDate('2026-11-27 17:00:00.123Z').toISOString()).toBe('2026-11-27T17:00:00.123Z');
	});

	it('takes a Date and epoch milliseconds alike', () => {
		const ms = Date.UTC(2026, 10, 27, 17, 0, 0);
		expect(wibDay(ms)).toBe('2026-11-28');
		expect(wibDay(new Date(ms - 1))).toBe('2026-11-27');
	});

	it('refuses what is not a date', () => {
		expect(() => wibDay('besok')).toThrow(RangeError);
	});
});

describe('formatWib', () => {
	it('writes the WIB wall clock in Indonesian', () => {
		expect(formatWib('2026-11-28T12:00:00Z')).toBe('28 Nov 2026 19.00 WIB');
		expect(formatWib('2026-08-16T17:05:00Z')).toBe('17 Agu 2026 00.05 WIB');
		expect(formatWib('2026-05-01T01:09:00Z')).toBe('1 Mei 2026 08.09 WIB');
	});

	it('crosses midnight and the year with the WIB day', () => {
		expect(formatWib('2026-12-31T16:59:00Z')).toBe('31 Des 2026 23.59 WIB');
		expect(formatWib('2026-12-31T17:00:00Z')).toBe('1 Jan 2027 00.00 WIB');
	});

	it('writes English with a colon', () => {
		expect(formatWib('2026-08-16T17:05:00Z', 'en')).toBe('17 Aug 2026 00:05 WIB');
	});
});
