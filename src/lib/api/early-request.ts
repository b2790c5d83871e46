// The first paint's own requests (src/app.html): on a first visit, the script in
// its head asks for what the first page will show (the home's first screen, a
// shared product) together with the app's files, a round trip or more before the
// page itself could ask. The page takes that answer once; the build writes which
// paths are asked for early into the first paint (src/hooks.server.ts).

/** What the first paint's script asked for early. */
type EarlyRequest = { path: string; response: Promise<Response | null> };

/**
 * The first paint's request for `path`, taken once: undefined when there is none,
 * or it asked for something else (the caller asks itself).
 */
function takeEarlyRequest(path: string): Promise<Response | null> | undefined {
	const w = globalThis as { __malproEarly?: EarlyRequest };
	const early = w.__malproEarly;
	if (early?.path !== path) return undefined;
	delete w.__malproEarly;
	return early.response;
}

export type AskOptions = {
	baseUrl?: string;
	timeoutMs?: number;
	fetch?: typeof fetch;
};

/**
 * GET `path` for a first page: the first paint's early answer when it asked for this
 * path and it came (a round trip sooner on a weak signal), else a request now (plain
 * fetch: no SDK, no database). Null when neither answers in time, or the network
 * fails: the page goes on without.
 */
export async function askEarlyOrNow(path: string, o: AskOptions = {}): Promise<Response | null> {
	const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), o.timeoutMs ?? 8000);
	try {
		const early = o.baseUrl || o.fetch ? undefined : takeEarlyRequest(path);
		const inTime = (response: Promise<Response | null>) =>
			Promise.race([
				response,
				new Promise<null>((resolve) => abort.signal.addEventListener('abort', () => resolve(null)))
			]);
		// the early request failed or there was none: ask now (unless the time is up)
		return (
			(early && (await inTime(early))) ||
			(abort.signal.aborted
				? null
				: await doFetch(`${o.baseUrl ?? ''}${path}`, { signal: abort.signal, cache: 'no-store' }))
		);
	} catch {
		return null;
	} finally {
		clearTimeout(timer);
	}
}

/**
 * A record's JSON asked for as `askEarlyOrNow` does: 'missing' when the server
 * lists no such record (404), null when it cannot say (no answer in time, an
 * error, a body that is no JSON); the caller checks its shape.
 */
export async function askRecord(path: string, o: AskOptions = {}): Promise<unknown | 'missing'> {
	const res = await askEarlyOrNow(path, o);
	if (res?.status === 404) return 'missing';
	if (!res?.ok) return null;
	try {
		return (await res.json()) as unknown;
	} catch {
		return null;
	}
}
