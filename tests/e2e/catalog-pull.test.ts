import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogTransport } from '$lib/api/catalog';
import { productById } from '$lib/db/catalog';
import { MalproDB } from '$lib/db/schema';
import { newId } from '$lib/sync/ids';
import { pullCatalog, type PullOptions } from '$lib/sync/pull';
import { TestServer } from './server';

// The catalog pull of src/lib/sync against the real server binary with its demo
// city: simulated devices (Node, fake-indexeddb), the app's own fetch transport.

type Row = Record<string, unknown> & { id: string };

let server: TestServer;
let superuser = '';
let n = 0;

beforeAll(async () => {
	server = await TestServer.start();
	superuser = await server.demoSuperuserToken();
});
afterAll(async () => {
	await server?.stop();
});

function api(method: string, path: string, body?: unknown, token = ''): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			...(token ? { authorization: token } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

async function asSuperuser(method: string, path: string, body?: unknown): Promise<Row> {
	const res = await api(method, path, body, superuser);
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
	return res.status === 204 ? { id: '' } : ((await res.json()) as Row);
}

/** What a guest sees of a collection, straight from the list API (the truth to compare with). */
async function publicList(collection: string): Promise<Row[]> {
	const res = await api('GET', `/api/collections/${collection}/records?perPage=1000&sort=id`);
	return ((await res.json()) as { items: Row[] }).items;
}

/** A new phone: its own IndexedDB, and a fetch that counts the bytes of the answers. */
function device() {
	const db = new MalproDB(`e2e-catalog-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	let bytes = 0;
	const countingFetch: typeof fetch = async (input, init) => {
		const res = await fetch(input, init);
		const body = await res.arrayBuffer();
		bytes += body.byteLength;
		return new Response(body, { status: res.status, headers: res.headers });
	};
	const transport = createCatalogTransport({ baseUrl: server.url, fetch: countingFetch });
	return {
		db,
		pull: (o: Partial<PullOptions> = {}) => pullCatalog({ db, transport, ...o }),
		/** answer bytes since the last call */
		takeBytes: () => {
			const b = bytes;
			bytes = 0;
			return b;
		}
	};
}

describe('catalog pull against the real server', () => {
	it('first pull: the whole public catalog, no more, no less', async () => {
		const phone = device();
		const report = await phone.pull();
		expect(report.skippedInvalid).toBe(0);
		for (const coll of ['categories', 'opds', 'stalls', 'products'] as const) {
			const ids = (await publicList(coll)).map((r) => r.id);
			expect(ids.length).toBeGreaterThan(0);
			expect((await phone.db.table(coll).toCollection().primaryKeys()).sort()).toEqual(ids);
		}
		const verified = await phone.db.stalls.filter((s) => s.verification !== 'verified').count();
		expect(verified).toBe(0);
	});

	it('pages of 7 lose and repeat nothing, whatever the ties on updated', async () => {
		const products = await publicList('products');
		const times = new Map<unknown, number>();
		for (const p of products) times.set(p.updated, (times.get(p.updated) ?? 0) + 1);
		const tied = products.filter((p) => (times.get(p.updated) ?? 0) > 1).length;
		console.log(
			`demo products sharing their updated time with another: ${tied} of ${products.length}`
		);

		const phone = device();
		const report = await phone.pull({ pageSize: 7, chunkSize: 100 });
		expect(report.written.products).toBe(products.length);
		expect(await phone.db.products.count()).toBe(products.length);
	});

	it('a changed price and a deleted product reach a phone by a delta pull', async () => {
		const phone = device();
		await phone.pull();
		const [changed, deleted] = (await publicList('products')).slice(3, 5) as [Row, Row];
		const newPrice = Number(changed.price) + 1000;
		await asSuperuser('PATCH', `/api/collections/products/records/${changed.id}`, {
			price: newPrice
		});
		await asSuperuser('DELETE', `/api/collections/products/records/${deleted.id}`);

		const report = await phone.pull();
		expect(report.dropped).toBe(false);
		expect(report.written.products).toBe(1);
		expect((await phone.db.products.get(changed.id))?.price).toBe(newPrice);
		expect(await phone.db.products.get(deleted.id)).toBeUndefined();
		expect(await phone.db.products.count()).toBe((await publicList('products')).length);
	});

	it('a stall no longer verified leaves with its products, and comes back with them', async () => {
		const phone = device();
		await phone.pull();
		const stall = (await publicList('stalls'))[0] as Row;
		const products = await phone.db.products.where('stall').equals(stall.id).count();
		expect(products).toBeGreaterThan(0);

		await asSuperuser('PATCH', `/api/collections/stalls/records/${stall.id}`, {
			verification: 'suspended'
		});
		await phone.pull();
		expect(await phone.db.stalls.get(stall.id)).toBeUndefined();
		expect(await phone.db.products.where('stall').equals(stall.id).count()).toBe(0);

		await asSuperuser('PATCH', `/api/collections/stalls/records/${stall.id}`, {
			verification: 'verified'
		});
		await phone.pull();
		expect(await phone.db.stalls.get(stall.id)).toBeDefined();
		expect(await phone.db.products.where('stall').equals(stall.id).count()).toBe(products);
	});

	it('a bumped catalog version makes a phone drop its catalog and pull it again', async () => {
		const phone = device();
		await phone.pull();
		await phone.db.products.put({
			...(await phone.db.products.toCollection().first())!,
			id: 'ghost0000000001'
		});
		const bumped = await asSuperuser('POST', '/api/catalog/version/bump', { reason: 'e2e' });

		const report = await phone.pull();
		expect(report).toMatchObject({ dropped: true, version: bumped.version });
		expect(await phone.db.products.get('ghost0000000001')).toBeUndefined();
		expect(await phone.db.products.count()).toBe((await publicList('products')).length);
		expect((await phone.pull()).dropped).toBe(false);
	});

	it('measures bytes: a full pull against a delta after 1% of the products changed', async () => {
		// writes of the tests before fall inside the 2 s re-read window of a pull right
		// after them (on a slow machine): let them age out so only this test's change counts
		await new Promise((r) => setTimeout(r, 2_500));
		const phone = device();
		const full = await phone.pull();
		const fullBytes = phone.takeBytes();
		await phone.pull(); // nothing changed: what an idle phone pays per sync
		const idleBytes = phone.takeBytes();

		const products = await publicList('products');
		const onePercent = products.filter((_, i) => i % 100 === 0);
		for (const p of onePercent) {
			await asSuperuser('PATCH', `/api/collections/products/records/${p.id}`, {
				stock: Number(p.stock) + 1
			});
		}
		const delta = await phone.pull();
		const deltaBytes = phone.takeBytes();
		expect(delta.written.products).toBe(onePercent.length);

		console.log(
			`catalog bytes (answer bodies): full pull ${fullBytes} B in ${full.requests} requests; ` +
				`idle pull ${idleBytes} B; delta after ${onePercent.length} of ${products.length} products ` +
				`changed ${deltaBytes} B in ${delta.requests} requests; ` +
				`delta/full = ${((100 * deltaBytes) / fullBytes).toFixed(1)}%`
		);
		expect(deltaBytes).toBeLessThan(fullBytes / 10);
	});

	it('stock taken by orders reaches a phone by a delta pull, down to sold out', async () => {
		const phone = device();
		await phone.pull();
		const login = await api('POST', '/api/collections/buyers/auth-with-password', {
			identity: '198507142010011002', // Budi, demo buyer
			password: 'malpro123'
		});
		const buyer = ((await login.json()) as { token: string }).token;
		// a product of an open stall that a few orders can sell out
		const filter = 'active = true && stock >= 2 && stock <= 50 && stall.is_open = true';
		const found = await api(
			'GET',
			`/api/collections/products/records?perPage=1&sort=stock,id&filter=${encodeURIComponent(filter)}`
		);
		const product = ((await found.json()) as { items: Row[] }).items[0];
		if (!product) throw new Error('no demo product with a little stock in an open stall');
		const stock = Number(product.stock);

		const order = async (qty: number) => {
			const res = await api(
				'POST',
				'/api/sync/push',
				{
					clientId: 'e2e-catalog-stock',
					mutations: [
						{
							id: newId(),
							name: 'order.place',
							args: {
								order: newId(),
								stall: product.stall,
								delivery: 'pickup',
								payment: 'cod',
								note: '',
								lines: [{ id: newId(), product: product.id, qty, seenPrice: product.price }]
							},
							createdAt: new Date().toISOString()
						}
					]
				},
				buyer
			);
			const { results } = (await res.json()) as {
				results: { status: string; data?: { status: string } }[];
			};
			expect(results[0]).toMatchObject({ status: 'applied', data: { status: 'placed' } });
		};

		await order(1);
		let report = await phone.pull();
		expect(report.dropped).toBe(false);
		expect(report.written.products).toBeGreaterThanOrEqual(1);
		expect((await phone.db.products.get(product.id))?.stock).toBe(stock - 1);
		expect((await productById(phone.db, product.id))?.soldOut).toBe(false);

		await order(stock - 1); // the last units
		report = await phone.pull();
		expect(report.dropped).toBe(false);
		expect((await phone.db.products.get(product.id))?.stock).toBe(0);
		expect((await productById(phone.db, product.id))?.soldOut).toBe(true);
	});
});
