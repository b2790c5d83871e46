type Scheduler = { yield?: () => Promise<void> };

/**
 * Lets the browser run what waits (input, rendering) before the pull goes on:
 * `scheduler.yield()` where there is one (it keeps the pull's place in line),
 * else a message-channel task (no 4 ms timer clamp), else a timer (Node).
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	if (typeof document !== 'undefined' && typeof MessageChannel === 'function') {
		return new Promise((resolve) => {
			const { port1, port2 } = new MessageChannel();
			port1.onmessage = () => {
				port1.close();
				resolve();
			};
			port2.postMessage(null);
		});
	}
	return new Promise((resolve) => setTimeout(resolve, 0));
}
