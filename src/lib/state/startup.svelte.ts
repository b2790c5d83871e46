import { loadDb } from '$lib/db/db';
import { localDatabaseExists } from '$lib/db/exists';
import { handleError } from './handle-error';

/** A first visit whose home page never says it painted still opens the database then. */
const FIRST_SCREEN_MAX_MS = 10_000;

/**
 * How this page starts. On a device that has never stored anything for the app
 * (`fresh`: a first visit) there is no sign-in, cart, outbox or catalog to read,
 * so the home page and a product's or a stall's page do not wait for the local database (Dexie
 * and the schema, src/lib/db/db.ts): they paint what they show from the network,
 * then say so (`firstScreenShown`) and the database opens. Every other start opens
 * the database before the first page renders.
 */
class Startup {
	#fresh = $state(false);
	#localOpen = $state(false);
	#localSettled = $state(false);
	#local: Promise<boolean> | undefined;
	#opened!: (ok: boolean) => void;
	/** settles once the database was opened (true) or found unusable (false); starts nothing */
	readonly localReady = new Promise<boolean>((resolve) => (this.#opened = resolve));

	/** a first visit: nothing stored on this device yet */
	get fresh(): boolean {
		return this.#fresh;
	}

	/** the device's database is open (false until then, and when it cannot be used) */
	get localOpen(): boolean {
		return this.#localOpen;
	}

	/** the database was opened or found unusable: reads may run (and fail with the reason) */
	get localSettled(): boolean {
		return this.#localSettled;
	}

	/**
	 * Before the first page renders (the layout's load). `networkFirst`: the page
	 * can paint a first visit from the network (the home page, a product's or a stall's page).
	 */
	async begin(networkFirst: boolean): Promise<void> {
		this.#fresh = (await localDatabaseExists()) === false;
		if (this.#fresh && networkFirst) {
			setTimeout(() => void this.local(), FIRST_SCREEN_MAX_MS);
			return;
		}
		await this.local();
	}

	/** The first page painted a first visit's products from the network (or gave up). */
	firstScreenShown(): void {
		void this.local();
	}

	/**
	 * Loads and opens the device's database, once, with its health watch attached
	 * first (a blocked upgrade is seen); false if it cannot be used (private mode,
	 * a full disk: the banner says why, and the app still works online).
	 */
	local(): Promise<boolean> {
		this.#local ??= (async () => {
			let ok = false;
			try {
				await loadDb();
				const { dbHealth } = await import('$lib/pwa/db-health.svelte');
				ok = await dbHealth.open();
			} catch (err) {
				handleError(err);
			}
			this.#localOpen = ok;
			this.#localSettled = true;
			this.#opened(ok);
			return ok;
		})();
		return this.#local;
	}
}

export const startup = new Startup();
