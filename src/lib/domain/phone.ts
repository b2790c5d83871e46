import { allDigits, invalid, valid, type Checked } from './validation';

export type PhoneCode = 'phone_required' | 'phone_digits' | 'phone_mobile' | 'phone_length';

/**
 * Turns what people type (08xx, +62 8xx, 62-8xx) into +628xx.
 * Same rule as pocketbase/domain/phone.go.
 */
export function normalizePhone(input: string): Checked<string, PhoneCode> {
	let v = input.replace(/[\s\u00a0\-.()]/g, '');
	if (v === '') return invalid('phone_required');
	if (v.startsWith('+')) v = v.slice(1);
	if (!allDigits(v)) return invalid('phone_digits');

	let subscriber: string;
	if (v.startsWith('62')) subscriber = v.slice(2);
	else if (v.startsWith('0')) subscriber = v.slice(1);
	else return invalid('phone_mobile');

	if (!subscriber.startsWith('8')) return invalid('phone_mobile');
	if (subscriber.length < 9 || subscriber.length > 12) return invalid('phone_length');
	return valid('+62' + subscriber);
}
