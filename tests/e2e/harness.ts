import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { TestServer } from './server';

/**
 * A PocketBase built from this repo (free loopback port, temporary data dir) and a
 * Chromium, for the tests of one file: started before them, stopped after.
 */
export function serverAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
	let server: TestServer | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});
	const started = <T>(what: T | undefined): T => {
		if (what === undefined) throw new Error('used before beforeAll started it');
		return what;
	};
	return {
		get server() {
			return started(server);
		},
		get browser() {
			return started(browser);
		}
	};
}
