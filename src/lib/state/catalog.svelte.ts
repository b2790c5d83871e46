import type { CatalogCollection } from '$lib/api/catalog-records';
import { createCatalogTransport } from '$lib/api/catalog';
import { handleError } from './handle-error';
import { countCatalog, readCatalogMeta } from '$lib/db/catalog-store';
import { db as appDb, type MalproDB } from '$lib/db/db';
import type { CatalogTransport, HeldIds, PullReport } from '$lib/sync/catalog-types';
import { CatalogPullWorker } from '$lib/sync/catalog-pull-client';
import { createSyncLock } from '$lib/sync/lock';
import type { PullProgress } from '$lib/sync/pull';
import type { Lock } from '$lib/sync/types';

/** What the catalog sync needs; the app's defaults are made on first use, tests pass their own. */
export type CatalogSyncDeps = {
	db: () => MalproDB;
	transport: () => CatalogTransport;
	lock: Lock;
	now: () => number;
	held?: () => Promise<HeldIds>;
	/**
	 * runs a pull elsewhere (the app's: a worker); `here` pulls on this thread
	 * with the deps above, for where that cannot. Default: `here`.
	 */
	pull?: (
		db: MalproDB,
		onProgress: (progress: PullProgress) => void,
		here: () => Promise<PullReport>
	) => Promise<PullReport>;
};

const appDeps = (): CatalogSyncDeps => {
	// the whole pull runs in a worker: reading ten thousand products' answers,
	// checking and storing them would hold the page's thread up for seconds
	const worker = new CatalogPullWorker();
	return {
		db: appDb,
		transport: () => createCatalogTransport({ baseUrl: location.origin }),
		// its own lock: a catalog pull never waits behind an outbox push, nor the reverse
		lock: createSyncLock('malpro-catalog'),
		now: Date.now,
		pull: (db, onProgress, here) =>
			worker.pull({ dbName: db.name, baseUrl: location.origin }, onProgress, here)
	};
};

/**
 * While a pull runs, the pages re-read what it stored so far at most this often;
 * on a device with no catalog yet, at once when the first products are stored.
 */
export const PROGRESS_MS = 1500;

const noRows: Record<CatalogCollection, number> = {
	categories: 0,
	opds: 0,
	stalls: 0,
	products: 0
};

/**
 * The cached catalog as the pages see it: when it was last brought up to date,
 * how much it holds, what could not be read, and the last failure. One pull at
 * a time across tabs; a sync asked for during a pull joins that pull.
 */
export class CatalogSync {
	#syncing = $state(false);
	#lastSyncAt = $state<number | null>(null);
	#counts = $state<Record<CatalogCollection, number>>(noRows);
	#skippedInvalid = $state(0);
	#lastError = $state<string | null>(null);
	/** goes up after every pull that changed rows, and while a pull stores rows: pages reload their queries */
	#revision = $state(0);
	/** the latest load(): an older one finishing later must not win */
	#loads = 0;
	#running: Promise<PullReport | null> | null = null;
	#deps: CatalogSyncDeps | undefined;
	readonly #makeDeps: () => CatalogSyncDeps;

	constructor(deps?: CatalogSyncDeps) {
		this.#makeDeps = deps ? () => deps : appDeps;
	}

	get syncing(): boolean {
		return this.#syncing;
	}
	/** device time of the last finished pull, or null if the catalog was never fetched */
	get lastSyncAt(): number | null {
		return this.#lastSyncAt;
	}
	/** rows kept per collection */
	get counts(): Record<CatalogCollection, number> {
		return this.#counts;
	}
	/** records the server sent that failed their schema (since the catalog was last fetched whole) */
	get skippedInvalid(): number {
		return this.#skippedInvalid;
	}
	/** error code (i18n `error.<code>`) of the last pull, null once one succeeds */
	get lastError(): string | null {
		return this.#lastError;
	}
	get revision(): number {
		return this.#revision;
	}

	/** Reads what the device already has (an offline start shows it). */
	async load(): Promise<void> {
		const db = this.#use().db();
		const seq = ++this.#loads;
		const [meta, counts] = await Promise.all([readCatalogMeta(db), countCatalog(db)]);
		if (seq !== this.#loads) return;
		this.#lastSyncAt = meta.syncedAt;
		this.#skippedInvalid = meta.skippedInvalid;
		this.#counts = counts;
	}

	/** Pulls now; resolves to what the pull did, or null if it failed (see lastError). */
	sync(): Promise<PullReport | null> {
		this.#running ??= this.#pull().finally(() => (this.#running = null));
		return this.#running;
	}

	async #pull(): Promise<PullReport | null> {
		const deps = this.#use();
		this.#syncing = true;
		const db = deps.db();
		const cursorsBefore = await cursorsOf(db);
		const progress = this.#progress(deps);
		const { onProgress } = progress;
		// the pull's own code (reading, checking, storing) loads where it runs: in
		// the app, the worker; here only where no worker can
		const here = async () =>
			(await import('$lib/sync/pull')).pullCatalog({
				db,
				transport: deps.transport(),
				now: deps.now,
				held: deps.held,
				onProgress
			});
		try {
			const report = await deps.lock(() => (deps.pull ? deps.pull(db, onProgress, here) : here()));
			await progress.shown();
			this.#lastError = null;
			const changed =
				report.dropped || report.deleted > 0 || Object.values(report.written).some((n) => n > 0);
			if (changed) this.#revision++;
			await this.load();
			return report;
		} catch (err) {
			this.#lastError = handleError(err).code;
			await progress.shown();
			// the chunks written before the failure are kept: show them (each moved
			// its cursor); a pull that wrote nothing (offline) leaves the pages be
			if ((await cursorsOf(db)) !== cursorsBefore) this.#revision++;
			await this.load().catch(() => {});
			return null;
		} finally {
			this.#syncing = false;
		}
	}

	/**
	 * What a running pull has stored is shown as it lands: the first products on a
	 * device that had none at once (a first visit shows cards within a second or
	 * two, not after the whole catalog), then at most every PROGRESS_MS, so the
	 * pages' queries do not run after every chunk.
	 */
	#progress(deps: CatalogSyncDeps): {
		onProgress: (progress: PullProgress) => void;
		/** resolves once what is being shown is (the pull's end comes after it) */
		shown: () => Promise<void>;
	} {
		let shownAt = deps.now();
		let showing: Promise<void> | null = null;
		const onProgress = ({ collection }: PullProgress) => {
			if (showing) return;
			const nothingShown = this.#counts.products === 0;
			if (nothingShown ? collection !== 'products' : deps.now() - shownAt < PROGRESS_MS) return;
			showing = this.load()
				.then(() => void this.#revision++)
				.catch(() => {})
				.finally(() => {
					showing = null;
					shownAt = deps.now();
				});
		};
		return { onProgress, shown: async () => void (await showing) };
	}

	#use(): CatalogSyncDeps {
		this.#deps ??= this.#makeDeps();
		return this.#deps;
	}
}

/** Where each collection's pull stands; every chunk written moves one. */
const cursorsOf = (db: MalproDB): Promise<string> =>
	db.cursors.toArray().then(
		(rows) => JSON.stringify(rows),
		() => ''
	);

export const catalog = new CatalogSync();
