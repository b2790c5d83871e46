import { localDatabaseExists } from '$lib/db/exists';
import { cart } from './cart.svelte';
import { sync } from './sync.svelte';

/**
 * How this page starts. On a device that has never stored anything for the app
 * (`fresh`: a first visit) there is no sign-in, cart, outbox or catalog to read,
 * so the first screen does not wait for the local database: the home page shows
 * products from the network and opens the database once they are on screen.
 * Everywhere else the database opens at once.
 */
class Startup {
	#fresh = $state(false);
	#localOpen = $state(false);
	#local: Promise<boolean> | undefined;
	#shown!: () => void;
	readonly #firstScreen = new Promise<void>((resolve) => (this.#shown = resolve));

	/** a first visit: nothing stored on this device yet */
	get fresh(): boolean {
		return this.#fresh;
	}

	/** the local database opened and its users (cart, sync) started */
	get localOpen(): boolean {
		return this.#localOpen;
	}

	/**
	 * Decided before the first page renders (the layout's load). On a device with
	 * a database its health watch attaches before anything opens it, so a blocked
	 * upgrade is seen.
	 */
	async detect(): Promise<void> {
		this.#fresh = (await localDatabaseExists()) === false;
		if (!this.#fresh) await import('$lib/pwa/db-health.svelte');
	}

	/** The page whose first screen comes from the network has painted it (or gave up). */
	firstScreenShown(): void {
		this.#shown();
	}

	/**
	 * Resolves when the rest of the app may load: at once, unless this is a first
	 * visit to a page that paints its first screen from the network (the home
	 * page), which says so through `firstScreenShown` — or after `maxWaitMs`.
	 */
	afterFirstScreen(pageWaits: boolean, maxWaitMs = 10_000): Promise<void> {
		if (!this.#fresh || !pageWaits) this.#shown();
		else setTimeout(() => this.#shown(), maxWaitMs);
		return this.#firstScreen;
	}

	/**
	 * Opens the device's database and starts what lives on it, once; false if it
	 * cannot be used (private mode, a full disk: the banner says why, and the app
	 * still works online).
	 */
	local(): Promise<boolean> {
		this.#local ??= (async () => {
			const { dbHealth } = await import('$lib/pwa/db-health.svelte');
			const ok = await dbHealth.open();
			if (ok) {
				void sync.start();
				void cart.load();
			}
			this.#localOpen = ok;
			return ok;
		})();
		return this.#local;
	}
}

export const startup = new Startup();
