import { allDigits, invalid, stripSpaces, valid, type Checked } from './validation';

export type NipCode =
	| 'nip_required'
	| 'nip_length'
	| 'nip_digits'
	| 'nip_birth_date'
	| 'nip_appointment'
	| 'nip_sex'
	| 'nip_sequence';

export type Nip = { value: string; sex: 'male' | 'female' };

function isDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
	return d <= days;
}

/**
 * Checks a civil-servant number: birth date YYYYMMDD + appointment YYYYMM + sex digit
 * + 3-digit sequence (18 digits). Same rule as pocketbase/domain/nip.go.
 */
export function parseNip(input: string): Checked<Nip, NipCode> {
	const v = stripSpaces(input);
	if (v === '') return invalid('nip_required');
	if (v.length !== 18) return invalid('nip_length');
	if (!allDigits(v)) return invalid('nip_digits');

	const num = (from: number, to: number) => Number(v.slice(from, to));
	const [by, bm, bd] = [num(0, 4), num(4, 6), num(6, 8)];
	if (by < 1930 || by > 2030 || !isDate(by, bm, bd)) return invalid('nip_birth_date');

	const [ay, am] = [num(8, 12), num(12, 14)];
	// appointed as an adult: at least 18 years after birth
	if (am < 1 || am > 12 || ay > 2100 || ay * 12 + am - (by * 12 + bm) < 18 * 12) {
		return invalid('nip_appointment');
	}

	const sexDigit = v[14];
	if (sexDigit !== '1' && sexDigit !== '2') return invalid('nip_sex');
	if (v.slice(15) === '000') return invalid('nip_sequence');

	return valid({ value: v, sex: sexDigit === '1' ? 'male' : 'female' });
}
