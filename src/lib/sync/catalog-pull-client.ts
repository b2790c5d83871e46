import { AppError } from '$lib/api/errors';
import type { PullAnswer, PullFailure, PullRequest } from './catalog-pull-protocol';
import type { PullReport } from './catalog-types';
import type { PullProgress } from './pull';

/** What the page needs of a Worker (Node tests pass one that runs the handler in-process). */
export type WorkerLike = {
	postMessage(message: PullRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<PullAnswer>) => void): void;
	addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
	terminate(): void;
};

/** A worker that has not said it started by then is given up, and the pull runs on the page. */
const START_MS = 20_000;

/** The app's worker; null where this browser runs none. */
function appWorker(): WorkerLike | null {
	if (typeof Worker !== 'function') return null;
	return new Worker(new URL('./catalog-pull.worker.ts', import.meta.url), {
		type: 'module',
		name: 'malpro-catalog-pull'
	}) as WorkerLike;
}

type Pending = {
	started: boolean;
	onProgress: (progress: PullProgress) => void;
	here: () => Promise<PullReport>;
	resolve: (report: PullReport) => void;
	reject: (err: unknown) => void;
	timer: ReturnType<typeof setTimeout>;
};

/**
 * The page's side of the catalog pull worker (catalog-pull.worker.ts): the
 * whole pull (answers read, records checked, rows stored) runs there, and the
 * page hears a few numbers per chunk and the report.
 *
 * One worker for the page's life, made at its first pull and reused: pulls
 * come again and again (back online, the tab shown again, a stale catalog),
 * and a resident worker has its code compiled and its database open, so a
 * delta pull costs only its requests; idle, it holds a little memory and a
 * connection that closes itself when an upgrade asks.
 *
 * Where no worker runs (no `Worker`, or it could not start: not loaded, not
 * started within START_MS), the pull runs on the page's thread (`here`), as
 * it does from then on in this page. A network or server failure in the worker
 * is an ordinary failed pull, with its reason code.
 */
export class CatalogPullWorker {
	#worker: WorkerLike | null = null;
	/** the worker could not start once: this page pulls on its own thread */
	#unavailable = false;
	#next = 0;
	readonly #pending = new Map<number, Pending>();
	readonly #make: () => WorkerLike | null;

	constructor(make: () => WorkerLike | null = appWorker) {
		this.#make = make;
	}

	/** Runs one pull in the worker, or `here` where no worker can run it. */
	pull(
		req: Omit<PullRequest, 'id'>,
		onProgress: (progress: PullProgress) => void,
		here: () => Promise<PullReport>
	): Promise<PullReport> {
		const worker = this.#start();
		if (!worker) return here();
		return new Promise<PullReport>((resolve, reject) => {
			const id = ++this.#next;
			const timer = setTimeout(() => this.#lost(worker), START_MS);
			this.#pending.set(id, { started: false, onProgress, here, resolve, reject, timer });
			worker.postMessage({ id, ...req });
		});
	}

	#start(): WorkerLike | null {
		if (this.#worker || this.#unavailable) return this.#worker;
		let worker: WorkerLike | null;
		try {
			worker = this.#make();
		} catch {
			worker = null;
		}
		if (!worker) {
			this.#unavailable = true;
			return null;
		}
		const w = worker;
		w.addEventListener('message', (event: MessageEvent<PullAnswer>) => this.#answer(event.data));
		// uncaught in the worker: it could not load (its script, an import), or crashed
		const lost = (event: Event) => {
			event.preventDefault();
			this.#lost(w);
		};
		w.addEventListener('error', lost);
		w.addEventListener('messageerror', lost);
		this.#worker = w;
		return w;
	}

	#answer(answer: PullAnswer): void {
		const p = this.#pending.get(answer.id);
		if (!p) return;
		switch (answer.type) {
			case 'started':
				p.started = true;
				clearTimeout(p.timer);
				return;
			case 'progress':
				p.onProgress(answer.progress);
				return;
			case 'done':
				this.#pending.delete(answer.id);
				clearTimeout(p.timer);
				p.resolve(answer.report);
				return;
			case 'failed':
				this.#pending.delete(answer.id);
				clearTimeout(p.timer);
				p.reject(asAppError(answer.error));
		}
	}

	/**
	 * The worker is gone: a pull it had not started runs on the page (and so do
	 * the next ones); one it was running fails (its whole chunks are kept, the
	 * next pull resumes after them, in a new worker).
	 */
	#lost(worker: WorkerLike): void {
		if (this.#worker !== worker) return;
		worker.terminate();
		this.#worker = null;
		for (const [id, p] of [...this.#pending]) {
			this.#pending.delete(id);
			clearTimeout(p.timer);
			if (p.started) {
				p.reject(new AppError('unknown', 'catalog pull worker stopped'));
			} else {
				this.#unavailable = true;
				p.here().then(p.resolve, p.reject);
			}
		}
	}
}

/** The worker's failure as the page's own would have been: the same reason code. */
function asAppError(e: PullFailure): AppError {
	return new AppError(e.code, e.code === 'unknown' ? `${e.name}: ${e.message}` : e.message);
}
