import * as z from 'zod/mini';
import type { CatalogTransport, PageQuery } from '$lib/sync/catalog-types';
import { recordFields } from './catalog-records';
import { AppError } from './errors';

export type CatalogTransportOptions = {
	/** the server's origin, e.g. http://127.0.0.1:8090 */
	baseUrl: string;
	/** a request that has not answered by then fails (the pull resumes next time) */
	timeoutMs?: number;
	fetch?: typeof fetch;
};

const versionAnswer = z.object({
	version: z.int(),
	dataset: z.string(),
	serverTime: z.string(),
	/** older servers do not send it (src/lib/sync/cursor.ts falls back) */
	settled: z.optional(z.string())
});
const listAnswer = z.object({ items: z.array(z.unknown()) });

/**
 * The catalog pull's transport: GET /api/catalog/version and the PocketBase
 * list API, over fetch. Always as a guest: the cached catalog is the public
 * one, the same for whoever uses the phone (a seller's token would add their
 * unverified stall, an admin's every stall).
 */
export function createCatalogTransport(opts: CatalogTransportOptions): CatalogTransport {
	const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
	const timeoutMs = opts.timeoutMs ?? 30_000;

	async function getJson(path: string): Promise<unknown> {
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), timeoutMs);
		try {
			const res = await doFetch(`${opts.baseUrl}${path}`, {
				signal: abort.signal,
				cache: 'no-store'
			});
			if (!res.ok)
				throw new AppError(res.status >= 500 ? 'network' : 'unknown', `${res.status} ${path}`);
			return await res.json();
		} catch (err) {
			if (err instanceof AppError) throw err;
			throw new AppError('network', String(err), err);
		} finally {
			clearTimeout(timer);
		}
	}

	return {
		async version() {
			const parsed = versionAnswer.safeParse(await getJson('/api/catalog/version'));
			if (!parsed.success) throw new AppError('unknown', 'catalog version: unexpected answer');
			return parsed.data;
		},
		async list(query) {
			const parsed = listAnswer.safeParse(await getJson(listPath(query)));
			if (!parsed.success) throw new AppError('unknown', `${query.collection}: unexpected answer`);
			return parsed.data.items;
		}
	};
}

/** The list request of one page: keyset on (updated, id), no page numbers, no totals. */
export function listPath(q: PageQuery): string {
	const params = new URLSearchParams({
		page: '1',
		perPage: String(q.limit),
		skipTotal: '1',
		sort: 'updated,id',
		fields: recordFields[q.collection]
	});
	const filter = pageFilter(q);
	if (filter) params.set('filter', filter);
	return `/api/collections/${q.collection}/records?${params}`;
}

/** PocketBase filter for records after q.after (and among q.only). */
export function pageFilter(q: PageQuery): string {
	const parts: string[] = [];
	if (q.only) {
		parts.push(`(${q.only.values.map((v) => `${q.only?.field} = ${quote(v)}`).join(' || ')})`);
	}
	const { updated, id } = q.after;
	if (updated !== '') {
		const u = quote(updated);
		parts.push(
			id === '' ? `updated >= ${u}` : `(updated > ${u} || (updated = ${u} && id > ${quote(id)}))`
		);
	}
	return parts.join(' && ');
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

// the thumbnail URLs live with the first screen's (no catalog code needed there)
export { productImageUrl } from './images';
