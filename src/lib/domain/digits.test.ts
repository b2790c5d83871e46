import { describe, expect, it } from 'vitest';
import { groupDigits } from './digits';

describe('groupDigits', () => {
	it('groups an integer by thousands with the separator given', () => {
		expect(groupDigits(0, '.')).toBe('0');
		expect(groupDigits(999, '.')).toBe('999');
		expect(groupDigits(1000, '.')).toBe('1.000');
		expect(groupDigits(3253, ',')).toBe('3,253');
		expect(groupDigits(1_234_567, '.')).toBe('1.234.567');
		expect(groupDigits(-12_500, '.')).toBe('-12.500');
		expect(groupDigits(Number.MAX_SAFE_INTEGER, '.')).toBe('9.007.199.254.740.991');
	});

	it('writes what is not a safe integer as it is', () => {
		expect(groupDigits(1.5, '.')).toBe('1.5');
		expect(groupDigits(Number.NaN, '.')).toBe('NaN');
	});
});
