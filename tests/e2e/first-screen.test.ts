import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFirstPick } from '$lib/api/first-screen';
import { TestServer } from './server';

// The first visit's pick (src/lib/api/first-screen.ts) against the real server
// and its demo city, as a guest: what the home page shows before the catalog is
// on the device.

type Row = Record<string, unknown> & { id: string };

let server: TestServer;

beforeAll(async () => {
	server = await TestServer.start();
});
afterAll(async () => {
	await server?.stop();
});

async function guestList(collection: string, query: string): Promise<Row[]> {
	const res = await fetch(`${server.url}/api/collections/${collection}/records?${query}`);
	if (!res.ok) throw new Error(`${collection}: ${res.status}`);
	return ((await res.json()) as { items: Row[] }).items;
}

describe('the first visit reads a few products from the server', () => {
	it('gives cards of products in stock from open, verified stalls, with their stall and colour', async () => {
		const pick = await fetchFirstPick({ baseUrl: server.url, count: 8 });
		expect(pick).not.toBeNull();
		expect(pick).toHaveLength(8);
		const stalls = new Map(
			(await guestList('stalls', 'perPage=1000&fields=id,name,is_open,verification')).map((s) => [
				s.name,
				s
			])
		);
		for (const card of pick ?? []) {
			expect(card.soldOut).toBe(false);
			expect(card.stallOpen).toBe(true);
			const stall = stalls.get(card.stallName);
			expect(stall, card.stallName).toBeDefined();
			expect(stall?.is_open).toBe(true);
			expect(stall?.verification).toBe('verified');
			expect(Number.isInteger(card.price)).toBe(true);
			expect(card.colour).toMatch(/^#|^hsl/);
			// the same product, as the list API shows it to a guest
			const [row] = await guestList('products', `filter=${encodeURIComponent(`id="${card.id}"`)}`);
			expect(row?.name).toBe(card.name);
			expect(row?.price).toBe(card.price);
			expect((row?.stock as number) > 0).toBe(true);
			if (card.thumb) {
				expect(card.thumb).toBe(
					`/api/files/products/${card.id}/${encodeURIComponent(row?.image as string)}?thumb=160x160`
				);
				const img = await fetch(`${server.url}${card.thumb}`);
				expect(img.status).toBe(200);
				expect(img.headers.get('content-type')).toMatch(/^image\//);
			}
		}
		expect(pick?.some((c) => c.thumb)).toBe(true);
	});

	it('varies the pick between visits', async () => {
		const seen = new Set<string>();
		for (let i = 0; i < 4; i++) {
			for (const c of (await fetchFirstPick({ baseUrl: server.url, count: 8 })) ?? [])
				seen.add(c.id);
		}
		expect(seen.size).toBeGreaterThan(8);
	});

	it('answers null, not an error, when the server cannot be reached', async () => {
		const gone = await TestServer.start();
		const url = gone.url;
		await gone.stop();
		expect(await fetchFirstPick({ baseUrl: url, timeoutMs: 2000 })).toBeNull();
	});

	it('leaves out records that do not fit the schema', async () => {
		const broken: typeof fetch = async (input, init) => {
			const res = await fetch(input, init);
			const body = (await res.json()) as { items: Row[] };
			const [first, ...rest] = body.items;
			return Response.json({ items: [{ ...first, price: 'mahal' }, ...rest] });
		};
		const pick = await fetchFirstPick({ baseUrl: server.url, count: 8, fetch: broken });
		expect(pick).toHaveLength(7);
	});
});
