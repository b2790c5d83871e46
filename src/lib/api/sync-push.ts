import * as z from 'zod/mini';
import type { PushEnvelope, PushOutcome, PushTransport } from '$lib/sync/types';

const resultSchema = z.object({
	id: z.string(),
	status: z.enum(['applied', 'duplicate', 'rejected']),
	code: z.optional(z.string()),
	message: z.optional(z.string()),
	data: z.optional(z.unknown())
});
const answerSchema = z.object({ results: z.array(resultSchema) });
const refusalSchema = z.object({ code: z.string(), message: z.optional(z.string()) });

export type PushTransportOptions = {
	/** the server's origin, e.g. http://127.0.0.1:8090 */
	baseUrl: string;
	/** the current auth token, or '' when signed out */
	token: () => string | Promise<string>;
	/** a push that has not answered by then has an unknown outcome (resent later) */
	timeoutMs?: number;
	fetch?: typeof fetch;
};

/** POST /api/sync/push over fetch, each answer checked against its schema. */
export function createPushTransport(opts: PushTransportOptions): PushTransport {
	const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
	const timeoutMs = opts.timeoutMs ?? 20_000;

	return async (envelope: PushEnvelope): Promise<PushOutcome> => {
		const token = await opts.token();
		if (!token) return { kind: 'auth' };
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), timeoutMs);
		let res: Response;
		let body: unknown;
		try {
			res = await doFetch(`${opts.baseUrl}/api/sync/push`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: token },
				body: JSON.stringify(envelope),
				signal: abort.signal
			});
			body = await res.json().catch(() => undefined);
		} catch {
			return { kind: 'transient', reason: abort.signal.aborted ? 'timeout' : 'network' };
		} finally {
			clearTimeout(timer);
		}

		if (res.status === 200) {
			const parsed = answerSchema.safeParse(body);
			const sameIds =
				parsed.success &&
				parsed.data.results.length === envelope.mutations.length &&
				parsed.data.results.every((r, i) => r.id === envelope.mutations[i]?.id);
			// an answer we cannot trust (a proxy's page, a cut body) is an unknown outcome
			return sameIds
				? { kind: 'ok', results: parsed.data.results }
				: { kind: 'transient', reason: 'server', status: 200 };
		}
		if (res.status === 401) return { kind: 'auth' };
		const refusal = refusalSchema.safeParse(body);
		if ((res.status === 400 || res.status === 403 || res.status === 413) && refusal.success) {
			return {
				kind: 'refused',
				status: res.status,
				code: refusal.data.code,
				message: refusal.data.message ?? ''
			};
		}
		return { kind: 'transient', reason: 'server', status: res.status };
	};
}
