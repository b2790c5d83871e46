import type { Lock } from './types';

/** A lock within one JavaScript realm (Node tests, or browsers without Web Locks). */
export function createLocalLock(): Lock {
	let tail: Promise<unknown> = Promise.resolve();
	return <T>(fn: () => Promise<T>) => {
		const run = tail.then(fn, fn);
		tail = run.catch(() => undefined);
		return run;
	};
}

/** One runner across every tab of this origin (Web Locks), else within this tab. */
export function createSyncLock(name = 'malpro-sync'): Lock {
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (!locks) return createLocalLock();
	return <T>(fn: () => Promise<T>) => locks.request(name, fn) as Promise<T>;
}
