import type { DbProblem } from '$lib/db/open';

/**
 * What is wrong with the device database, for the banner: set by the health
 * watch (./db-health.svelte.ts), which loads with the database; the banner
 * itself loads with the first page and needs neither.
 */
class DbProblemState {
	current = $state<DbProblem | null>(null);
}

export const dbProblem = new DbProblemState();
