import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFirstScreen } from '$lib/api/first-screen';
import { byName } from '$lib/domain/names';
import { TestServer } from './server';

// The first visit's screen (src/lib/api/first-screen.ts, GET
// /api/catalog/first-screen) against the real server and its demo city, as a
// guest: what the home page shows before the catalog is on the device. It must
// be what the device shows once it holds the catalog, so nothing swaps.

type Row = Record<string, unknown> & { id: string; name: string };

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

/** The guest's count of a collection's rows matching a filter (what a device pulls). */
async function guestCount(collection: string, filter: string): Promise<number> {
	const res = await fetch(
		`${server.url}/api/collections/${collection}/records?perPage=1&filter=${encodeURIComponent(filter)}`
	);
	return ((await res.json()) as { totalItems: number }).totalItems;
}

describe('the first visit reads its first screen from the server', () => {
	it('gives the home page’s categories and stalls as the device orders and counts them', async () => {
		const screen = await fetchFirstScreen({ baseUrl: server.url });
		expect(screen).not.toBeNull();
		if (!screen) return;

		// active categories by their sort, each with the products a device would hold
		const categories = (await guestList('categories', 'perPage=100&sort=sort'))
			.filter((c) => c.active === true)
			.sort((a, b) => (a.sort as number) - (b.sort as number) || byName(a, b));
		expect(screen.categories.map((c) => c.id)).toEqual(categories.map((c) => c.id));
		for (const c of screen.categories) {
			expect([c.name, c.productCount]).toEqual([
				c.name,
				await guestCount('products', `category="${c.id}" && active=true`)
			]);
			expect(c.colour).toMatch(/^#|^hsl/);
		}

		// verified stalls, open ones first, each group by name: the first eight, and how many
		const stalls = (
			await guestList('stalls', 'perPage=1000&fields=id,name,is_open,kecamatan,verification')
		).sort((a, b) => Number(b.is_open) - Number(a.is_open) || byName(a, b));
		expect(stalls.every((s) => s.verification === 'verified')).toBe(true);
		expect(screen.stallsTotal).toBe(stalls.length);
		expect(screen.stalls.map((s) => s.id)).toEqual(stalls.slice(0, 8).map((s) => s.id));
		for (const s of screen.stalls) {
			expect([s.name, s.productCount]).toEqual([
				s.name,
				await guestCount('products', `stall="${s.id}" && active=true`)
			]);
		}
		expect(screen.stalls.some((s) => (s.productCount ?? 0) > 0)).toBe(true);
	});

	it('gives cards of products in stock from open, verified stalls, with their stall and colour', async () => {
		const pick = (await fetchFirstScreen({ baseUrl: server.url, pick: 8 }))?.pick ?? [];
		expect(pick).toHaveLength(8);
		const stalls = new Map(
			(await guestList('stalls', 'perPage=1000&fields=id,name,is_open,verification')).map((s) => [
				s.name,
				s
			])
		);
		for (const card of pick) {
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
			expect(row?.active).toBe(true);
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
		expect(pick.some((c) => c.thumb)).toBe(true);
	});

	it('varies the pick between visits', async () => {
		const seen = new Set<string>();
		for (let i = 0; i < 4; i++) {
			for (const c of (await fetchFirstScreen({ baseUrl: server.url }))?.pick ?? []) seen.add(c.id);
		}
		expect(seen.size).toBeGreaterThan(8);
	});

	it('answers null, not an error, when the server cannot be reached or answers something else', async () => {
		const gone = await TestServer.start();
		const url = gone.url;
		await gone.stop();
		expect(await fetchFirstScreen({ baseUrl: url, timeoutMs: 2000 })).toBeNull();
		const odd: typeof fetch = async () => Response.json({ items: [] });
		expect(await fetchFirstScreen({ baseUrl: server.url, fetch: odd })).toBeNull();
		const failing: typeof fetch = async () => new Response('', { status: 503 });
		expect(await fetchFirstScreen({ baseUrl: server.url, fetch: failing })).toBeNull();
	});

	it('leaves out rows that do not fit their schema', async () => {
		const broken: typeof fetch = async (input, init) => {
			const res = await fetch(input, init);
			const body = (await res.json()) as Record<string, Row[]>;
			const bad = <T>([first, ...rest]: T[], change: Partial<T>) => [
				{ ...first, ...change },
				...rest
			];
			return Response.json({
				...body,
				products: bad(body.products ?? [], { price: 'mahal' }),
				stalls: bad(body.stalls ?? [], { kecamatan: 'atlantis' }),
				categories: bad(body.categories ?? [], { products: -1 })
			});
		};
		const whole = await fetchFirstScreen({ baseUrl: server.url });
		const screen = await fetchFirstScreen({ baseUrl: server.url, fetch: broken });
		expect(screen?.pick).toHaveLength(7);
		expect(screen?.stalls).toHaveLength((whole?.stalls.length ?? 0) - 1);
		expect(screen?.categories).toHaveLength((whole?.categories.length ?? 0) - 1);
	});
});
