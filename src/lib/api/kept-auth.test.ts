import { isTokenExpired } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { fakeToken } from '$lib/testing/auth-fixtures';
import { tokenExpired } from './kept-auth';

describe('tokenExpired (the first page decides without the SDK)', () => {
	const cases: [string, string][] = [
		['valid for an hour', fakeToken(3600)],
		['expired a minute ago', fakeToken(-60)],
		['no exp claim', `${btoa('{"alg":"HS256"}')}.${btoa('{"type":"auth"}')}.sig`],
		['an empty payload', `${btoa('{"alg":"HS256"}')}.${btoa('{}')}.sig`],
		['not JSON', 'aaa.bbb.ccc'],
		['no payload', 'justonepart'],
		['empty', ''],
		['url-safe base64 with a name in it', fakeToken(600, { name: 'Sri Rahayu ~?>' })]
	];
	it.each(cases)('decides like the SDK: %s', (_, token) => {
		expect(tokenExpired(token)).toBe(isTokenExpired(token));
	});

	it('reads base64url payloads (- and _) that plain atob would refuse', () => {
		const payload = btoa(JSON.stringify({ exp: 4102444800, who: '??>>' }))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		expect(payload).toMatch(/[-_]/);
		expect(tokenExpired(`x.${payload}.y`)).toBe(false);
	});

	it('counts a token as expired at its exp second', () => {
		const exp = 1_800_000_000;
		const token = `x.${btoa(JSON.stringify({ exp }))}.y`;
		expect(tokenExpired(token, exp * 1000 - 1)).toBe(false);
		expect(tokenExpired(token, exp * 1000)).toBe(true);
	});
});
