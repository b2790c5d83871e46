import type Dexie from 'dexie';

/**
 * What can go wrong with the device's database, each with its own advice:
 * - `blocked`: this tab upgrades the schema while another tab holds the old one
 *   ("Tutup tab Malpro lain untuk memperbarui data"); clears once it gives way;
 * - `versionchange`: another tab (a newer version of the app) upgrades or deletes
 *   the database; this tab has closed it and must reload;
 * - `unavailable`: no IndexedDB here (private mode, storage disabled): the app
 *   still works online, but keeps nothing on the device;
 * - `quota`: the device's storage is full (QuotaExceededError);
 * - `failed`: anything else (Safari's "Connection to Indexed Database server
 *   lost"): reload.
 */
export type DbProblem = 'blocked' | 'versionchange' | 'unavailable' | 'quota' | 'failed';

type ErrorLike = { name?: unknown; message?: unknown; inner?: unknown };

/** The error and the ones it wraps (Dexie puts the IndexedDB error in `inner`). */
function* causes(err: unknown): Generator<ErrorLike> {
	let e: unknown = err;
	for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		yield e as ErrorLike;
		e = (e as ErrorLike).inner;
	}
}

/** Which problem a failed open or write is, from its error (or the errors it wraps). */
export function classifyDbError(err: unknown): DbProblem {
	const names = [...causes(err)].map((e) => String(e.name ?? ''));
	const messages = [...causes(err)].map((e) => String(e.message ?? ''));
	if (names.includes('QuotaExceededError')) return 'quota';
	if (
		names.includes('MissingAPIError') ||
		names.includes('SecurityError') ||
		// Firefox in private mode (before version 115) refuses to open any database
		(names.includes('InvalidStateError') && messages.some((m) => /mutation|private/i.test(m)))
	) {
		return 'unavailable';
	}
	if (names.includes('VersionError')) return 'versionchange';
	return 'failed';
}

/** True when this error is one of the database's (worth showing the database banner for). */
export function isDbError(err: unknown): boolean {
	return [...causes(err)].some((e) =>
		[
			'QuotaExceededError',
			'MissingAPIError',
			'DatabaseClosedError',
			'OpenFailedError',
			'VersionError',
			'UnknownError'
		].includes(String(e.name ?? ''))
	);
}

export type DbWatch = {
	/** Opens the database (if not yet); false, with the problem reported, if it cannot. */
	open(): Promise<boolean>;
	/** A write or read failed: report it if it is a database problem. */
	report(err: unknown): void;
	/** Removes the handlers. */
	stop(): void;
};

/**
 * Attaches the robustness handlers to the app's Dexie instance (before its first
 * open, so a blocked upgrade is seen): `onProblem` gets the current problem, or
 * null once the database is usable again.
 */
export function watchDatabase(database: Dexie, onProblem: (p: DbProblem | null) => void): DbWatch {
	let current: DbProblem | null = null;
	const set = (p: DbProblem | null) => {
		if (p === current) return;
		current = p;
		onProblem(p);
	};

	const onBlocked = () => set('blocked');
	// Dexie's own handler closes the connection, which lets the other tab's upgrade
	// (or delete) go on; this tab's code is older than the database now.
	const onVersionChange = () => set('versionchange');
	const onReady = () => {
		if (current === 'blocked') set(null);
	};
	database.on('blocked', onBlocked);
	database.on('versionchange', onVersionChange);
	database.on('ready', onReady, true);

	return {
		async open() {
			try {
				await database.open();
				onReady();
				return true;
			} catch (err) {
				set(classifyDbError(err));
				return false;
			}
		},
		report(err) {
			if (!isDbError(err)) return;
			const problem = classifyDbError(err);
			// a closed database after another tab's upgrade is already explained
			if (current === 'versionchange' && problem === 'failed') return;
			set(problem);
		},
		stop() {
			database.on('blocked').unsubscribe(onBlocked);
			database.on('versionchange').unsubscribe(onVersionChange);
			database.on('ready').unsubscribe(onReady);
		}
	};
}
