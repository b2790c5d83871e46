import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';

describe('messages', () => {
	it('English has exactly the Indonesian keys, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
		for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
	});

	it('every NIP error code from the shared vectors has an Indonesian message', async () => {
		const { loadVectors } = await import('../domain/vectors');
		const { cases } = loadVectors<{ cases: { code?: string }[] }>('nip.json');
		for (const code of new Set(cases.map((c) => c.code).filter(Boolean))) {
			expect(Object.keys(id)).toContain(`error.${code}`);
		}
	});
});
