import { describe, expect, it } from 'vitest';
import { parseNib } from './nib';
import { parseNip } from './nip';
import { normalizePhone } from './phone';
import { loadVectors, type CheckVector } from './vectors';

type Vectors = { cases: CheckVector[] };

describe.each([
	['nip.json', (s: string) => parseNip(s)] as const,
	['nib.json', (s: string) => parseNib(s)] as const,
	['phone.json', (s: string) => normalizePhone(s)] as const
])('%s (shared with Go)', (file, check) => {
	const { cases } = loadVectors<Vectors>(file);

	it('has cases', () => expect(cases.length).toBeGreaterThan(5));

	it.each(cases)('$input → valid=$valid $code', (c) => {
		const got = check(c.input);
		if (c.valid) {
			expect(got.ok).toBe(true);
			if (!got.ok) return;
			const value = typeof got.value === 'string' ? got.value : got.value.value;
			expect(value).toBe(c.normalized);
			if (c.sex && typeof got.value !== 'string') expect(got.value.sex).toBe(c.sex);
		} else {
			expect(got).toEqual({ ok: false, code: c.code });
		}
	});
});
