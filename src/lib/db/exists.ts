/** The app's database name (src/lib/db/db.ts). */
const APP_DB = 'malpro';

let answer: Promise<boolean | null> | undefined;

/**
 * Whether this browser already holds the app's database, asked without opening
 * (or creating) it and without loading Dexie; null when the browser cannot say
 * (no `indexedDB.databases()`): then the app behaves as if it did. Asked once per
 * page: the app creates the database itself later in the same page.
 */
export function localDatabaseExists(): Promise<boolean | null> {
	answer ??= (async () => {
		try {
			if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') {
				return null;
			}
			return (await indexedDB.databases()).some((d) => d.name === APP_DB);
		} catch {
			return null;
		}
	})();
	return answer;
}
