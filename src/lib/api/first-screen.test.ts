import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFirstScreen } from './first-screen';

const PATH = '/api/catalog/first-screen?pick=8';
const body = {
	categories: [{ id: 'c1', slug: 'kriya', name: 'Kriya', name_en: 'Crafts', products: 3 }],
	stalls: [{ id: 's1', name: 'Lapak', kecamatan: 'klojen', is_open: true, products: 3 }],
	stalls_total: 1,
	products: []
};
const answer = () => new Response(JSON.stringify(body), { status: 200 });
type Early = { path: string; response: Promise<Response | null> };
const setEarly = (early: Early) =>
	((globalThis as { __malproEarly?: Early }).__malproEarly = early);

describe("the first paint's early request for the first screen", () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		delete (globalThis as { __malproEarly?: Early }).__malproEarly;
	});

	it('is what the home reads, once: no second request; the next read asks the server', async () => {
		const fetchMock = vi.fn(async () => answer());
		vi.stubGlobal('fetch', fetchMock);
		setEarly({ path: PATH, response: Promise.resolve(answer()) });
		const screen = await fetchFirstScreen();
		expect(screen?.stallsTotal).toBe(1);
		expect(screen?.categories.map((c) => c.name)).toEqual(['Kriya']);
		expect(fetchMock).not.toHaveBeenCalled();
		await fetchFirstScreen();
		expect(fetchMock).toHaveBeenCalledTimes(1);
	});

	it('that failed (null) is asked again', async () => {
		const fetchMock = vi.fn(async () => answer());
		vi.stubGlobal('fetch', fetchMock);
		setEarly({ path: PATH, response: Promise.resolve(null) });
		expect((await fetchFirstScreen())?.stalls.map((s) => s.name)).toEqual(['Lapak']);
		expect(fetchMock).toHaveBeenCalledTimes(1);
	});

	it('for another pick is not taken', async () => {
		const fetchMock = vi.fn(async () => answer());
		vi.stubGlobal('fetch', fetchMock);
		setEarly({ path: '/api/catalog/first-screen?pick=24', response: Promise.resolve(answer()) });
		await fetchFirstScreen();
		expect(fetchMock).toHaveBeenCalledWith(PATH, expect.objectContaining({ cache: 'no-store' }));
	});

	it('that never answers gives way once the time is up: the page goes on without', async () => {
		const fetchMock = vi.fn(
			(_: string, init?: RequestInit) =>
				new Promise<Response>((_, reject) =>
					init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))
				)
		);
		vi.stubGlobal('fetch', fetchMock);
		setEarly({ path: PATH, response: new Promise(() => {}) });
		expect(await fetchFirstScreen({ timeoutMs: 20 })).toBeNull();
	});
});
