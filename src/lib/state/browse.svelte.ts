import { catalog } from './catalog.svelte';
import { startup } from './startup.svelte';
import { handleError } from './handle-error';

/**
 * The catalog pages' side of the catalog sync: opening the catalog (reading what
 * the device holds, pulling when online) and reads that follow each pull. What
 * the pages read is in catalog-pages.ts.
 */

/** A pull again when the catalog was last brought up to date longer ago than this. */
const STALE_MS = 5 * 60_000;
/** After a pull failed while online: the first try again, and the longest wait between tries. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

class Browse {
	#opened = $state(false);
	#openCalled = false;
	#watched: Promise<unknown> | null = null;
	#retryIn = FIRST_RETRY_MS;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;

	/** true once what the device holds was read (before that, an empty list means nothing yet) */
	get opened(): boolean {
		return this.#opened;
	}

	/**
	 * Every catalog page calls this when it opens: reads what the device holds,
	 * then pulls the catalog when online (at the app's first page, and again
	 * when it is stale or the connection comes back).
	 */
	open(): void {
		const first = !this.#openCalled;
		this.#openCalled = true;
		if (first) {
			addEventListener('online', () => this.#pull());
			// a first visit's home page opens the database after its first screen
			void startup.localReady
				.then(() => catalog.load())
				.catch((err) => handleError(err))
				.finally(() => {
					this.#opened = true;
					this.#refresh(true);
				});
		} else if (this.#opened) {
			this.#refresh(false);
		}
	}

	/**
	 * Whether the device's catalog may lack products: it was never downloaded whole
	 * (a first download still running, or one that failed part-way), or it has not
	 * been read yet. A search then says its results may be incomplete.
	 */
	get incomplete(): boolean {
		return !this.#opened || catalog.lastSyncAt === null;
	}

	/**
	 * Why a page has nothing to show yet: the device holds no catalog and is
	 * fetching it ('downloading'), could not fetch it ('missing'), or has not read
	 * it yet ('reading'); null once there is a catalog.
	 */
	get emptyReason(): 'reading' | 'downloading' | 'missing' | null {
		if (!this.#opened) return 'reading';
		if (catalog.counts.products > 0) return null;
		if (catalog.syncing) return 'downloading';
		return catalog.lastSyncAt === null ? 'missing' : null;
	}

	/** Pulls the catalog now (the status footer's button). */
	refresh(): void {
		this.#pull();
	}

	#refresh(always: boolean) {
		if (!navigator.onLine || catalog.syncing) return;
		const last = catalog.lastSyncAt;
		if (always || last === null || Date.now() - last > STALE_MS) this.#pull();
	}

	/**
	 * Pulls the catalog. A pull that fails while the device is online (a connection
	 * dropped on weak mobile data, a server restarting) is tried again by itself, less
	 * often each time (5 s, 15 s, 45 s… at most every 5 minutes); offline, the `online`
	 * event pulls. A pull already running is the one watched.
	 */
	#pull(): void {
		const run = catalog.sync();
		if (run === this.#watched) return;
		this.#watched = run;
		clearTimeout(this.#retryTimer);
		void run.then((report) => {
			if (report) {
				this.#retryIn = FIRST_RETRY_MS;
				return;
			}
			if (!navigator.onLine) return;
			this.#retryTimer = setTimeout(() => this.#pull(), this.#retryIn);
			this.#retryIn = Math.min(this.#retryIn * 3, MAX_RETRY_MS);
		});
	}
}

export const browse = new Browse();

/**
 * A page's read of the cached catalog, run again when what it reads changes
 * (the reactive values `read` uses before its first await) and after each pull
 * that changed the catalog. Call it while a component initialises.
 */
export function catalogQuery<T>(read: () => Promise<T>): {
	readonly current: T | undefined;
	readonly loaded: boolean;
	readonly error: string | null;
} {
	let current = $state.raw<T | undefined>(undefined);
	let loaded = $state(false);
	let error = $state<string | null>(null);
	let latest = 0;
	$effect(() => {
		void catalog.revision;
		// nothing to read before the database is there (a first visit's home page)
		if (!startup.localSettled) return;
		const run = ++latest;
		read().then(
			(value) => {
				if (run !== latest) return;
				current = value;
				error = null;
				loaded = true;
			},
			(err) => {
				if (run !== latest) return;
				error = handleError(err).code;
				loaded = true;
			}
		);
	});
	return {
		get current() {
			return current;
		},
		get loaded() {
			return loaded;
		},
		get error() {
			return error;
		}
	};
}
