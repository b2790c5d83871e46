import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiah } from './money';
import { loadVectors } from './vectors';

type Vectors = {
	format: { amount: number; output: string }[];
	parse: { input: string; valid: boolean; amount?: number; code?: string }[];
};
const vectors = loadVectors<Vectors>('rupiah.json');

describe('formatRupiah (shared with Go)', () => {
	it.each(vectors.format)('$amount → $output', ({ amount, output }) => {
		expect(formatRupiah(amount)).toBe(output);
	});

	it('refuses fractions: money is integer rupiah', () => {
		expect(() => formatRupiah(12.5)).toThrow(TypeError);
		expect(() => formatRupiah(Number.NaN)).toThrow(TypeError);
	});
});

describe('parseRupiah (shared with Go)', () => {
	it.each(vectors.parse)('$input', (c) => {
		const got = parseRupiah(c.input);
		expect(got).toEqual(c.valid ? { ok: true, value: c.amount } : { ok: false, code: c.code });
	});

	it('round-trips what it formats', () => {
		for (const n of [0, 7, 12500, 1_000_000, 987_654_321]) {
			expect(parseRupiah(formatRupiah(n))).toEqual({ ok: true, value: n });
		}
	});
});
