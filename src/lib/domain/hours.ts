/**
 * A stall's opening hours as people read them: "Senin–Sabtu 07.00–17.00".
 * Days are 1 = Monday … 7 = Sunday (as the server stores them); times are WIB
 * wall clock "HH:MM", written with a dot in Indonesian ("07.00").
 */
export type OpeningHours = { open: string; close: string; days: readonly number[] };

const dayNames = {
	id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
	en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
} as const;
const everyDay = { id: 'Setiap hari', en: 'Every day' } as const;

export type HoursLocale = keyof typeof dayNames;

/** A day's name, 1 = Monday … 7 = Sunday. */
export function dayName(day: number, locale: HoursLocale = 'id'): string {
	const name = dayNames[locale][day - 1];
	if (!name) throw new RangeError(`not a day 1..7: ${day}`);
	return name;
}

/**
 * The days a stall opens, shortest first: "Setiap hari", "Senin–Sabtu" (three
 * days or more in a row, Sunday to Monday included), "Sabtu, Minggu", or runs
 * joined with commas ("Senin–Rabu, Jumat"). Unknown day numbers are ignored;
 * no day at all gives "".
 */
export function formatDays(days: readonly number[], locale: HoursLocale = 'id'): string {
	const open = new Set(days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
	if (open.size === 7) return everyDay[locale];
	if (open.size === 0) return '';
	const next = (d: number) => (d % 7) + 1;
	const prev = (d: number) => ((d + 5) % 7) + 1;
	const parts: string[] = [];
	// each run starts at an open day whose day before is closed; Monday's run first
	for (let start = 1; start <= 7; start++) {
		if (!open.has(start) || open.has(prev(start))) continue;
		let end = start;
		let length = 1;
		while (open.has(next(end))) {
			end = next(end);
			length++;
		}
		if (length >= 3) parts.push(`${dayName(start, locale)}–${dayName(end, locale)}`);
		else if (length === 2) parts.push(dayName(start, locale), dayName(end, locale));
		else parts.push(dayName(start, locale));
	}
	return parts.join(', ');
}

/** "07:00" as written in the locale ("07.00" in Indonesian); anything else unchanged. */
export function formatClock(time: string, locale: HoursLocale = 'id'): string {
	const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
	if (!m) return time.trim();
	const hh = (m[1] as string).padStart(2, '0');
	return `${hh}${locale === 'id' ? '.' : ':'}${m[2]}`;
}

/**
 * The two parts of opening hours, days and times ({days: "Senin–Sabtu", times:
 * "07.00–17.00"}, times '' when missing); null when the stall gave no hours or no day.
 */
export function hoursParts(
	hours: OpeningHours | null | undefined,
	locale: HoursLocale = 'id'
): { days: string; times: string } | null {
	if (!hours) return null;
	const days = formatDays(hours.days, locale);
	if (!days) return null;
	const open = formatClock(hours.open, locale);
	const close = formatClock(hours.close, locale);
	return { days, times: open && close ? `${open}–${close}` : '' };
}

/** "Senin–Sabtu 07.00–17.00"; null when the stall gave no hours or no day. */
export function formatHours(
	hours: OpeningHours | null | undefined,
	locale: HoursLocale = 'id'
): string | null {
	const parts = hoursParts(hours, locale);
	return parts && [parts.days, parts.times].filter(Boolean).join(' ');
}
