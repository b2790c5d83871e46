import { describe, expect, it, vi } from 'vitest';
import { isFailedImport, reloadOnceAfterFailedImport, startSucceeded } from './start-retry';

const chromium = new TypeError(
	'Failed to fetch dynamically imported module: https://malpro.test/_app/immutable/nodes/4.js'
);

function env(online = true) {
	const kept = new Map<string, string>();
	return {
		online,
		reload: vi.fn(),
		storage: {
			getItem: (k: string) => kept.get(k) ?? null,
			setItem: (k: string, v: string) => void kept.set(k, v),
			removeItem: (k: string) => void kept.delete(k)
		}
	};
}

describe('a start whose file did not arrive', () => {
	it("is told apart by each browser's message", () => {
		expect(isFailedImport(chromium)).toBe(true);
		expect(isFailedImport(new TypeError('error loading dynamically imported module'))).toBe(true);
		expect(isFailedImport(new TypeError('Importing a module script failed.'))).toBe(true);
		expect(isFailedImport(new Error('Cannot read properties of undefined'))).toBe(false);
	});

	it('loads the page again once; a second failure shows the error page', () => {
		const e = env();
		expect(reloadOnceAfterFailedImport(chromium, e)).toBe(true);
		expect(reloadOnceAfterFailedImport(chromium, e)).toBe(false);
		expect(e.reload).toHaveBeenCalledTimes(1);
	});

	it('once the app started, a later failed start is loaded again once more', () => {
		const e = env();
		reloadOnceAfterFailedImport(chromium, e);
		startSucceeded(e.storage);
		expect(reloadOnceAfterFailedImport(chromium, e)).toBe(true);
		expect(e.reload).toHaveBeenCalledTimes(2);
	});

	it('is not loaded again offline, nor for other errors', () => {
		const offline = env(false);
		expect(reloadOnceAfterFailedImport(chromium, offline)).toBe(false);
		const other = env();
		expect(reloadOnceAfterFailedImport(new Error('boom'), other)).toBe(false);
		expect(offline.reload).not.toHaveBeenCalled();
		expect(other.reload).not.toHaveBeenCalled();
	});
});
