// A start whose file did not arrive (a connection dropped on weak mobile data): the
// browser keeps that failed import for the page's life, so asking again cannot help;
// loading the page again can. It is done once, by itself; should that start fail
// too, the error page stays, with its way home.

const KEY = 'malpro.start-retry';

/** The message each browser gives when a module could not be fetched. */
const FAILED_IMPORT = [
	/failed to fetch dynamically imported module/i, // Chromium
	/error loading dynamically imported module/i, // Firefox
	/importing a module script failed/i // Safari
];

/** Whether `error` says a file of the app did not arrive. */
export function isFailedImport(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return FAILED_IMPORT.some((re) => re.test(message));
}

type Env = {
	storage: Pick<Storage, 'getItem' | 'setItem'>;
	online: boolean;
	reload: () => void;
};

const browserEnv = (): Env => ({
	storage: sessionStorage,
	online: navigator.onLine,
	reload: () => location.reload()
});

/**
 * Loads the page again, once, when the app's start failed because a file did not
 * arrive while the device is online (offline, the service worker serves the files,
 * or there is nothing to fetch them from). True if it did.
 */
export function reloadOnceAfterFailedImport(error: unknown, env: Env = browserEnv()): boolean {
	if (!isFailedImport(error) || !env.online) return false;
	try {
		if (env.storage.getItem(KEY)) return false;
		env.storage.setItem(KEY, '1');
	} catch {
		return false; // no session storage: no way to tell a second failure from the first
	}
	env.reload();
	return true;
}

/** The app started: a later failed start may be loaded again once more. */
export function startSucceeded(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
	try {
		storage.removeItem(KEY);
	} catch {
		// no session storage: nothing was kept
	}
}
