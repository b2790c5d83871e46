import { describe, expect, it } from 'vitest';
import { foldedRuns } from './folded-runs';

/** A run that waits until released, counting how often it started. */
function gatedRun() {
	let started = 0;
	const gates: (() => void)[] = [];
	const run = () => {
		const n = ++started;
		return new Promise<number>((done) => gates.push(() => done(n)));
	};
	const releaseNext = async () => {
		for (let i = 0; i < 20 && gates.length === 0; i++) await Promise.resolve();
		gates.shift()?.();
	};
	return { run, releaseNext, started: () => started };
}

describe('foldedRuns', () => {
	it('runs once when nothing is asked meanwhile', async () => {
		const g = gatedRun();
		const go = foldedRuns(g.run);
		const first = go();
		await g.releaseNext();
		expect(await first).toBe(1);
		expect(g.started()).toBe(1);
	});

	it('folds every call made during a run into one more run, and all wait for it', async () => {
		const g = gatedRun();
		const go = foldedRuns(g.run);
		const first = go();
		const second = go();
		const third = go();
		await g.releaseNext(); // the first run ends: one more starts for the calls made during it
		await g.releaseNext();
		expect(await Promise.all([first, second, third])).toEqual([2, 2, 2]);
		expect(g.started()).toBe(2);
		// and a call after that starts afresh
		const later = go();
		await g.releaseNext();
		expect(await later).toBe(3);
	});

	it('skips the extra run when the result says it is not worth it', async () => {
		const g = gatedRun();
		const go = foldedRuns(g.run, (n) => n > 1);
		const first = go();
		const second = go();
		await g.releaseNext();
		expect(await Promise.all([first, second])).toEqual([1, 1]);
		expect(g.started()).toBe(1);
	});
});
