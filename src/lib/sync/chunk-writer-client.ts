import type { ChunkResult } from '$lib/db/catalog-store';
import type { ChunkWrite, ChunkWriter } from './chunk-writer';
import type { WriterAnswer, WriterRequest } from './chunk-writer.worker';

/** A chunk the worker has not answered by then is written on the page instead. */
const ANSWER_MS = 20_000;

/**
 * The page's side of the worker that stores a pull's chunks
 * (chunk-writer.worker.ts), one worker per pull. Where no worker can run, or
 * once this one failed to start or stopped answering, chunks go to `fallback`
 * (Dexie on the page's thread): slower for the page, never lost. A chunk the
 * worker tried and could not store fails with the error's name
 * (QuotaExceededError…), as a write on the page would.
 */
export function workerChunkWriter(
	dbName: string,
	fallback: ChunkWriter
): { write: ChunkWriter; close: () => void } {
	let worker: Worker | null = null;
	try {
		if (typeof Worker === 'function') {
			worker = new Worker(new URL('./chunk-writer.worker.ts', import.meta.url), {
				type: 'module',
				name: 'malpro-catalog-writer'
			});
		}
	} catch {
		worker = null;
	}
	if (!worker) return { write: fallback, close: () => {} };
	const w = worker;

	type Pending = {
		write: ChunkWrite;
		resolve: (r: ChunkResult) => void;
		reject: (e: unknown) => void;
		timer: ReturnType<typeof setTimeout>;
	};
	let broken = false;
	let next = 0;
	const pending = new Map<number, Pending>();
	const settle = (id: number): Pending | undefined => {
		const p = pending.get(id);
		if (p) {
			pending.delete(id);
			clearTimeout(p.timer);
		}
		return p;
	};
	// the worker is gone (could not load, crashed, hangs): what it held is written here
	const giveUp = () => {
		broken = true;
		w.terminate();
		for (const id of [...pending.keys()]) {
			const p = settle(id);
			if (p) fallback(p.write).then(p.resolve, p.reject);
		}
	};

	w.addEventListener('message', (event: MessageEvent<WriterAnswer>) => {
		const answer = event.data;
		const p = settle(answer.id);
		if (!p) return;
		if ('result' in answer) p.resolve(answer.result);
		else p.reject(asError(answer.error));
	});
	w.addEventListener('error', (event) => {
		event.preventDefault();
		giveUp();
	});

	return {
		write: (write) => {
			if (broken) return fallback(write);
			return new Promise<ChunkResult>((resolve, reject) => {
				const id = ++next;
				const timer = setTimeout(giveUp, ANSWER_MS);
				pending.set(id, { write, resolve, reject, timer });
				w.postMessage({ id, dbName, write } satisfies WriterRequest);
			});
		},
		close: () => {
			broken = true;
			w.terminate();
			for (const id of [...pending.keys()]) settle(id)?.reject(new Error('catalog writer closed'));
		}
	};
}

/** The worker's error as the page would have seen it (a DOMException keeps its name). */
function asError(e: { name: string; message: string }): Error {
	return typeof DOMException === 'function'
		? new DOMException(e.message, e.name)
		: Object.assign(new Error(e.message), { name: e.name });
}
