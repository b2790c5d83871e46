import { isTokenExpired } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { fakeToken } from '$lib/testing/auth-fixtures';
import { REFRESH_WITHIN_MS, refreshDue, tokenExpired } from './kept-auth';

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

describe('refreshDue (a sign-in in use is renewed before it runs out)', () => {
	const now = 1_800_000_000_000;
	const expiringIn = (ms: number) => `x.${btoa(JSON.stringify({ exp: (now + ms) / 1000 }))}.y`;
	const day = 24 * 3600_000;

	it('renews a token with less than a week left, not one with more', () => {
		expect(REFRESH_WITHIN_MS).toBe(7 * day);
		expect(refreshDue(expiringIn(6 * day), now)).toBe(true);
		expect(refreshDue(expiringIn(60_000), now)).toBe(true);
		expect(refreshDue(expiringIn(7 * day), now)).toBe(false);
		expect(refreshDue(expiringIn(29 * day), now)).toBe(false);
	});

	it('leaves expired, unreadable and never-expiring tokens alone (the person signs in again)', () => {
		expect(refreshDue(expiringIn(0), now)).toBe(false);
		expect(refreshDue(expiringIn(-day), now)).toBe(false);
		expect(refreshDue('aaa.bbb.ccc', now)).toBe(false);
		expect(refreshDue('', now)).toBe(false);
		expect(refreshDue(`x.${btoa('{"type":"auth"}')}.y`, now)).toBe(false);
	});
});
