/**
 * One run at a time. A call while a run goes on is folded into one more run
 * after it, whose end it waits for: what the caller asked for (a local write to
 * push, a server change to pull) may have happened after the running one read,
 * and must not wait for some later trigger. Any number of calls during a run
 * make one more run. `more(result)` says whether that run is worth it (not after
 * a failure: the retry timer takes over).
 */
export function foldedRuns<T>(
	run: () => Promise<T>,
	more: (result: T) => boolean = () => true
): () => Promise<T> {
	let running: Promise<T> | null = null;
	let again = false;
	return () => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			let result: T;
			do {
				again = false;
				result = await run();
			} while (again && more(result));
			return result;
		})().finally(() => (running = null));
		return running;
	};
}
