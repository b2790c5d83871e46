import { dev } from '$app/environment';
import type { Workbox } from 'workbox-window';

/** Where the built worker is served (Kit's src/service-worker.ts, see vite.config.ts). */
export const SERVICE_WORKER_URL = '/service-worker.js';

/** How often an open tab asks the server for a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** A tab coming back into view checks too, at most this often. */
const RECHECK_AFTER_MS = 5 * 60 * 1000;

/**
 * The service worker as the pages see it: registered in production builds only
 * (the dev server has none), and a new version that waits until the person
 * chooses to load it. Nothing here reloads the page unless `apply()` was called.
 */
class UpdateState {
	/** a new version is installed and waits for the person's go-ahead */
	#available = $state(false);
	/** the person pressed "Muat ulang"; the page reloads once the new worker controls it */
	#applying = $state(false);
	/** this page is controlled by a worker (the app shell is cached: it opens offline) */
	#offlineReady = $state(false);
	#wb: Workbox | undefined;
	#reg: ServiceWorkerRegistration | undefined;
	#lastCheck = 0;

	get available(): boolean {
		return this.#available;
	}

	get applying(): boolean {
		return this.#applying;
	}

	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	/** Registers the worker once (production builds, browsers that have workers). */
	async register(): Promise<void> {
		if (dev || this.#wb || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
			return;
		}
		const container = navigator.serviceWorker;
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox(SERVICE_WORKER_URL, { scope: '/' });
		this.#wb = wb;
		// a worker that was already waiting (an update from an earlier visit) counts too
		wb.addEventListener('waiting', () => this.#newVersionWaiting());

		let hadController = !!container.controller;
		this.#offlineReady = hadController;
		container.addEventListener('controllerchange', () => {
			this.#offlineReady = true;
			if (this.#applying) {
				this.#applying = false;
				location.reload();
			} else if (hadController) {
				// another tab applied the update: this page still runs the old version
				this.#available = true;
			}
			hadController = true;
		});

		try {
			this.#reg = await wb.register({ immediate: true });
		} catch (err) {
			console.error('malpro: the service worker could not be registered', err);
			return;
		}
		if (!this.#reg) return;
		this.#watch(this.#reg);

		setInterval(() => void this.check(), CHECK_EVERY_MS);
		document.addEventListener('visibilitychange', () => {
			if (
				document.visibilityState === 'visible' &&
				Date.now() - this.#lastCheck > RECHECK_AFTER_MS
			) {
				void this.check();
			}
		});
	}

	/** Asks the server whether a new version is out (a waiting worker then shows the prompt). */
	async check(): Promise<void> {
		this.#lastCheck = Date.now();
		const reg = this.#reg;
		if (!reg) return;
		await reg.update().catch(() => undefined); // offline: try again later
		// a new version found: wait until it is installed (the prompt shows) or fails
		const installing = reg.installing;
		if (installing) {
			await new Promise<void>((resolve) => {
				const done = () => installing.state !== 'installing' && resolve();
				installing.addEventListener('statechange', done);
				setTimeout(resolve, 30_000);
			});
		}
	}

	/**
	 * The person chose the new version: the waiting worker takes over, and the page
	 * reloads once it controls the page (no half old, half new page).
	 */
	apply(): void {
		const waiting = this.#reg?.waiting;
		if (!waiting) {
			// the new worker already controls this page (activated from another tab)
			location.reload();
			return;
		}
		this.#applying = true;
		this.#wb?.messageSkipWaiting();
	}

	/**
	 * workbox-window stops following updates after the first one it did not start;
	 * the registration itself is followed too, so every later deploy is noticed.
	 */
	#watch(reg: ServiceWorkerRegistration): void {
		if (reg.waiting && navigator.serviceWorker.controller) this.#newVersionWaiting();
		reg.addEventListener('updatefound', () => {
			const installing = reg.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed' && navigator.serviceWorker.controller) {
					this.#newVersionWaiting();
				}
			});
		});
	}

	#newVersionWaiting(): void {
		this.#available = true;
	}
}

export const update = new UpdateState();
