import { allDigits, invalid, stripSpaces, valid, type Checked } from './validation';

export type NibCode = 'nib_required' | 'nib_length' | 'nib_digits' | 'nib_zero';

/** Checks a business number from OSS: 13 digits. Same rule as pocketbase/domain/nib.go. */
export function parseNib(input: string): Checked<string, NibCode> {
	const v = stripSpaces(input);
	if (v === '') return invalid('nib_required');
	if (v.length !== 13) return invalid('nib_length');
	if (!allDigits(v)) return invalid('nib_digits');
	if (/^0+$/.test(v)) return invalid('nib_zero');
	return valid(v);
}
