import { groupDigits } from './digits';
import { invalid, valid, type Checked } from './validation';

/** Integer rupiah. No minor unit: Rp12.500 is 12500. */
export type Rupiah = number;

export type AmountCode =
	'amount_required' | 'amount_negative' | 'amount_fraction' | 'amount_format' | 'amount_too_large';

export const isRupiah = (n: unknown): n is Rupiah => Number.isSafeInteger(n);

/**
 * Writes an amount as Indonesians read it: Rp12.500 (no space, '.' between thousands).
 * Not Intl: its id-ID output puts a no-break space after "Rp" and varies with the ICU build.
 */
export function formatRupiah(amount: Rupiah): string {
	if (!isRupiah(amount)) throw new TypeError(`not an integer rupiah amount: ${amount}`);
	return (amount < 0 ? '-' : '') + 'Rp' + groupDigits(Math.abs(amount), '.');
}

/** Reads what people type for an amount ("Rp12.500", "12500", "12.500"). */
export function parseRupiah(input: string): Checked<Rupiah, AmountCode> {
	const v = input
		.trim()
		.replace(/^rp/i, '')
		.replace(/[\s\u00a0]/g, '');
	if (v === '') return invalid('amount_required');
	if (v.startsWith('-')) return invalid('amount_negative');
	if (v.includes(',')) return invalid('amount_fraction');
	if (!/^\d{1,3}(\.\d{3})+$/.test(v) && !/^\d+$/.test(v)) return invalid('amount_format');
	const n = Number(v.replaceAll('.', ''));
	if (!Number.isSafeInteger(n)) return invalid('amount_too_large');
	return valid(n);
}
