import { db } from '$lib/db/db';
import { isDbError, watchDatabase, type DbProblem, type DbWatch } from '$lib/db/open';
import { dbProblem } from './db-problem.svelte';

/**
 * The device database's health, for the banner in the layout. The handlers are
 * attached when this module loads, which src/lib/state/startup.svelte.ts does
 * before anything opens the database, so a blocked upgrade is seen too.
 */
class DbHealth {
	#watch: DbWatch | undefined;

	constructor() {
		if (typeof window === 'undefined') return;
		this.#watch = watchDatabase(db(), (p) => (dbProblem.current = p));
		// A read or write that failed with no one to catch it (a full disk, a lost
		// connection, no IndexedDB at all): the banner tells the person, so it is handled.
		window.addEventListener('unhandledrejection', (event) => {
			if (!isDbError(event.reason)) return;
			this.report(event.reason);
			event.preventDefault();
			console.warn('malpro: a database error, shown in the banner:', event.reason);
		});
	}

	get problem(): DbProblem | null {
		return dbProblem.current;
	}

	/** Opens the database; false if it cannot be used (the banner then says why). */
	open(): Promise<boolean> {
		return this.#watch?.open() ?? Promise.resolve(false);
	}

	/** For write paths that caught an error: shows the banner if it is the database's. */
	report(err: unknown): void {
		this.#watch?.report(err);
	}
}

export const dbHealth = new DbHealth();
