import { createCatalogTransport } from '$lib/api/catalog';
import { toAppError } from '$lib/api/errors';
import type { MalproDB } from '$lib/db/db';
import type { CatalogTransport, PullReport } from './catalog-types';
import { pullCatalog, type PullProgress } from './pull';

/*
 * What the page and the catalog pull worker (catalog-pull.worker.ts) say to
 * each other, and what the worker does with a request: plain data both ways,
 * no Worker here, so Node tests drive it with fake-indexeddb.
 *
 * The page asks for one pull; the worker says it started (the page knows then
 * that the worker runs), reports each committed chunk that changed rows (a few
 * numbers, never rows), and ends with the pull's report or its failure.
 */

/** One pull of the app's database `dbName` from the server at `baseUrl`. */
export type PullRequest = { id: number; dbName: string; baseUrl: string };

/** A failure as it crosses to the page: the reason code the page shows (handleError). */
export type PullFailure = { code: string; name: string; message: string };

export type PullAnswer =
	| { id: number; type: 'started' }
	| { id: number; type: 'progress'; progress: PullProgress }
	| { id: number; type: 'done'; report: PullReport }
	| { id: number; type: 'failed'; error: PullFailure };

/** What the worker pulls with: its own database connection and transport. */
export type PullWorkerEnv = {
	/** the worker's connection to that database (kept between pulls) */
	db: (name: string) => MalproDB;
	transport: (baseUrl: string) => CatalogTransport;
	now?: () => number;
};

/**
 * Rows per write transaction in the worker: its puts hold no page up, and
 * fewer transactions make a faster pull (the page's thread takes 25).
 */
export const WORKER_CHUNK = 200;

/**
 * The worker's connection, made quiet: Dexie tells every other connection of
 * the origin (the page's, through a BroadcastChannel) which keys each of its
 * write transactions changed, for live queries, and the page would receive and
 * decode a message per chunk listing its 200 ids in every index (over 100 ms
 * of its thread for a first pull). The app has no live queries: the page
 * re-reads on `progress`, so the worker's writes go untold.
 */
export function quietConnection(db: MalproDB): MalproDB {
	return db.unuse({ stack: 'dbcore', name: 'Observability' });
}

/**
 * The worker's environment: one quiet connection per database name, made on
 * its first pull and kept for the next ones (Dexie closes it when another
 * connection asks for an upgrade or a deletion, keeping auto-open: the worker
 * never blocks the page's schema upgrades, and its next query opens it again),
 * and the app's transport to `baseUrl` unless a test gives its own.
 */
export function pullWorkerEnv(o: {
	connect: (name: string) => MalproDB;
	transport?: (baseUrl: string) => CatalogTransport;
	now?: () => number;
}): PullWorkerEnv {
	const dbs = new Map<string, MalproDB>();
	return {
		db: (name) => {
			let db = dbs.get(name);
			if (!db) dbs.set(name, (db = quietConnection(o.connect(name))));
			return db;
		},
		transport: o.transport ?? ((baseUrl) => createCatalogTransport({ baseUrl })),
		now: o.now
	};
}

/** The worker has no page to give way to: the pull goes on at once. */
const noPause = () => Promise.resolve();

/**
 * Runs the pull `req` asks for with `env` and posts what happens: `started`,
 * then `progress` after each committed chunk that changed rows, then `done`
 * with the report or `failed` with the error's reason code (an offline pull
 * fails with `network` here as on the page). Never rejects.
 */
export async function handlePullRequest(
	req: PullRequest,
	env: PullWorkerEnv,
	post: (answer: PullAnswer) => void
): Promise<void> {
	const { id } = req;
	post({ id, type: 'started' });
	try {
		const report = await pullCatalog({
			db: env.db(req.dbName),
			transport: env.transport(req.baseUrl),
			now: env.now,
			chunkSize: WORKER_CHUNK,
			pause: noPause,
			onProgress: ({ collection, written }) =>
				post({ id, type: 'progress', progress: { collection, written: { ...written } } })
		});
		post({ id, type: 'done', report });
	} catch (err) {
		post({ id, type: 'failed', error: failureOf(err) });
	}
}

/** An error as the page's handleError will see it: its reason code, name and message. */
export function failureOf(err: unknown): PullFailure {
	const app = toAppError(err);
	const e = err as { name?: unknown; message?: unknown } | null;
	return {
		code: app.code,
		name: typeof e?.name === 'string' ? e.name : 'Error',
		message: typeof e?.message === 'string' ? e.message : String(err)
	};
}
