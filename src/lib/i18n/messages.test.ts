import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';

describe('messages', () => {
	it('English has exactly the Indonesian keys, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
		for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
	});

	it.each(['nip.json', 'phone.json'])(
		'every error code of the shared vectors %s has an Indonesian message',
		async (file) => {
			const { loadVectors } = await import('../domain/vectors');
			const { cases } = loadVectors<{ cases: { code?: string }[] }>(file);
			for (const code of new Set(cases.map((c) => c.code).filter(Boolean))) {
				expect(Object.keys(id)).toContain(`error.${code}`);
			}
		}
	);
});
