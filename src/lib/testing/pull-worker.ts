import {
	handlePullRequest,
	type PullAnswer,
	type PullRequest,
	type PullWorkerEnv
} from '$lib/sync/catalog-pull-protocol';
import type { WorkerLike } from '$lib/sync/catalog-pull-client';

/**
 * The catalog pull worker for Node tests: catalog-pull.worker.ts's handler in
 * this process, messages structured-cloned and delivered as later tasks both
 * ways, as between a page and a worker. `requests` counts what it was asked.
 */
export function inProcessPullWorker(
	env: PullWorkerEnv
): WorkerLike & { requests: PullRequest[]; fail: (message: string) => void } {
	const listeners: Record<string, ((event: never) => void)[]> = {};
	const fire = (type: string, event: object) => {
		for (const l of listeners[type] ?? []) l(event as never);
	};
	let terminated = false;
	const requests: PullRequest[] = [];
	return {
		requests,
		postMessage(message: PullRequest) {
			if (terminated) return;
			const req = structuredClone(message);
			requests.push(req);
			setTimeout(() => {
				void handlePullRequest(req, env, (answer: PullAnswer) => {
					const data = structuredClone(answer);
					setTimeout(() => {
						if (!terminated) fire('message', { data });
					});
				});
			});
		},
		addEventListener(type: string, listener: (event: never) => void) {
			(listeners[type] ??= []).push(listener);
		},
		terminate() {
			terminated = true;
		},
		/** an uncaught error in the worker (its script did not load, it crashed) */
		fail(message: string) {
			fire('error', { message, preventDefault: () => {} });
		}
	};
}
