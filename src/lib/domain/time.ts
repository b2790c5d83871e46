/**
 * Malang keeps Western Indonesian Time (WIB, UTC+7) all year, with no daylight
 * saving: a WIB wall clock is UTC plus 7 hours. Computed by hand, not with the
 * machine's time zone or Intl, so a server, a test runner and a phone abroad agree.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const months = {
	id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
	en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
} as const;

export type Instant = Date | string | number;

/** A Date from a Date, epoch milliseconds or a date string, PocketBase's too ("2026-11-28 12:00:00.123Z"). */
export function toDate(instant: Instant): Date {
	if (instant instanceof Date) return instant;
	if (typeof instant === 'number') return new Date(instant);
	// PocketBase writes a space between date and time; Date.parse wants a "T"
	return new Date(instant.trim().replace(' ', 'T'));
}

/** The WIB wall clock of an instant, read through the UTC getters. */
function wibClock(instant: Instant): Date {
	const ms = toDate(instant).getTime();
	if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(instant)}`);
	return new Date(ms + WIB_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The WIB calendar day of an instant, "2026-11-28": the day reports and cash counts belong to. */
export function wibDay(instant: Instant): string {
	const c = wibClock(instant);
	return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
}

/**
 * An instant as people in Malang read it: "28 Nov 2026 19.00 WIB" (Indonesian uses
 * a dot between hours and minutes), or "28 Nov 2026 19:00 WIB" in English.
 */
export function formatWib(instant: Instant, locale: 'id' | 'en' = 'id'): string {
	const c = wibClock(instant);
	const month = months[locale][c.getUTCMonth()];
	const sep = locale === 'id' ? '.' : ':';
	const time = `${pad(c.getUTCHours())}${sep}${pad(c.getUTCMinutes())}`;
	return `${c.getUTCDate()} ${month} ${c.getUTCFullYear()} ${time} WIB`;
}
