import { describe, expect, it } from 'vitest';
import { dayName, formatClock, formatDays, formatHours, hoursParts } from './hours';

describe('formatDays', () => {
	it.each([
		[[1, 2, 3, 4, 5, 6], 'Senin–Sabtu'],
		[[1, 2, 3, 4, 5], 'Senin–Jumat'],
		[[1, 2, 3, 4, 5, 6, 7], 'Setiap hari'],
		[[2, 3, 4, 5, 6, 7], 'Selasa–Minggu'], // closed on Mondays
		[[6, 7], 'Sabtu, Minggu'],
		[[1, 3, 5], 'Senin, Rabu, Jumat'],
		[[1, 2, 3, 5], 'Senin–Rabu, Jumat'],
		[[5, 6, 7, 1], 'Jumat–Senin'], // a run over the weekend into Monday
		[[7, 1], 'Minggu, Senin'],
		[[4], 'Kamis'],
		[[3, 1, 2, 2], 'Senin–Rabu'] // any order, repeats ignored
	])('%j → %s', (days, text) => {
		expect(formatDays(days)).toBe(text);
	});

	it('ignores what is not a day, and says nothing for no day', () => {
		expect(formatDays([0, 8, 1.5, 2])).toBe('Selasa');
		expect(formatDays([])).toBe('');
	});

	it('speaks English too', () => {
		expect(formatDays([1, 2, 3, 4, 5, 6], 'en')).toBe('Monday–Saturday');
		expect(formatDays([1, 2, 3, 4, 5, 6, 7], 'en')).toBe('Every day');
		expect(dayName(7, 'en')).toBe('Sunday');
		expect(() => dayName(0)).toThrow(RangeError);
	});
});

describe('formatClock', () => {
	it('writes a dot in Indonesian, a colon in English', () => {
		expect(formatClock('07:00')).toBe('07.00');
		expect(formatClock('7:30', 'id')).toBe('07.30');
		expect(formatClock('21:00', 'en')).toBe('21:00');
	});

	it('leaves what it cannot read as it is', () => {
		expect(formatClock(' pagi ')).toBe('pagi');
	});
});

describe('formatHours', () => {
	it('joins days and times', () => {
		expect(formatHours({ open: '07:00', close: '17:00', days: [1, 2, 3, 4, 5, 6] })).toBe(
			'Senin–Sabtu 07.00–17.00'
		);
		expect(formatHours({ open: '15:00', close: '23:00', days: [1, 2, 3, 4, 5, 6, 7] })).toBe(
			'Setiap hari 15.00–23.00'
		);
		expect(formatHours({ open: '08:00', close: '16:00', days: [1, 2, 3, 4, 5] }, 'en')).toBe(
			'Monday–Friday 08:00–16:00'
		);
	});

	it('is null without hours or without a day', () => {
		expect(formatHours(null)).toBeNull();
		expect(formatHours(undefined)).toBeNull();
		expect(formatHours({ open: '07:00', close: '17:00', days: [] })).toBeNull();
	});

	it('shows the days alone when the times are missing', () => {
		expect(formatHours({ open: '', close: '', days: [6, 7] })).toBe('Sabtu, Minggu');
	});
});

describe('hoursParts', () => {
	it('splits days from times, for a page that lays them out', () => {
		expect(hoursParts({ open: '08:00', close: '21:00', days: [1, 2, 3, 4, 5, 6, 7] })).toEqual({
			days: 'Setiap hari',
			times: '08.00–21.00'
		});
		expect(hoursParts({ open: '', close: '17:00', days: [1] })).toEqual({
			days: 'Senin',
			times: ''
		});
		expect(hoursParts(null)).toBeNull();
	});
});
