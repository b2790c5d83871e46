import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { TestServer } from './server';
import { SwitchProxy } from './switch-proxy';

// Demo accounts (README), all with this password.
const PASSWORD = 'malpro123';
const BUDI_NIP = '198507142010011002';
const SITI_NIP = '199203252019032001';

type Product = { id: string; name: string; price: number; stall: string };

describe('buyer ordering, offline and exactly once', () => {
	let server: TestServer;
	let proxy: SwitchProxy;
	let browser: Browser;
	let superToken: string;
	let sanan: Product;
	let dampit: Product;

	const api = async (path: string, init: RequestInit = {}, token = superToken) => {
		const res = await fetch(`${server.url}${path}`, {
			...init,
			headers: { 'content-type': 'application/json', authorization: token, ...init.headers }
		});
		return { status: res.status, body: (await res.json()) as Record<string, unknown> };
	};

	const authToken = async (collection: string, identity: string) =>
		(
			await api(
				`/api/collections/${collection}/auth-with-password`,
				{
					method: 'POST',
					body: JSON.stringify({ identity, password: PASSWORD })
				},
				''
			)
		).body.token as string;

	/** A stall's first product that is active and in stock. */
	async function productOf(stallName: string): Promise<Product> {
		const stalls = await api(
			`/api/collections/stalls/records?filter=${encodeURIComponent(`name="${stallName}"`)}`
		);
		const stall = (stalls.body.items as { id: string }[])[0];
		const products = await api(
			`/api/collections/products/records?perPage=50&sort=name&filter=${encodeURIComponent(`stall="${stall?.id}" && active=true && stock>20`)}`
		);
		const p = (products.body.items as Product[])[0];
		if (!p) throw new Error(`no product in ${stallName}`);
		return p;
	}

	/** Orders of a buyer on the server (as superuser): the truth the test checks. */
	async function serverOrders(
		nip: string
	): Promise<{ id: string; stall: string; status: string; total: number }[]> {
		const buyers = await api(
			`/api/collections/buyers/records?filter=${encodeURIComponent(`nip="${nip}"`)}`
		);
		const buyer = (buyers.body.items as { id: string }[])[0];
		const orders = await api(
			`/api/collections/orders/records?perPage=500&filter=${encodeURIComponent(`buyer="${buyer?.id}"`)}`
		);
		return orders.body.items as { id: string; stall: string; status: string; total: number }[];
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
		proxy = await SwitchProxy.start(server.port);
		superToken = await authToken('_superusers', 'admin@malpro.test');
		[sanan, dampit] = await Promise.all([
			productOf('Keripik Tempe Sanan'),
			productOf('Kopi Dampit')
		]);
	});
	beforeEach(() => proxy.restore());
	afterAll(async () => {
		await browser?.close();
		await proxy?.stop();
		await server?.stop();
	});

	async function signedInBuyer(
		nip: string,
		{ worker = false } = {}
	): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${proxy.url}/masuk`);
		await page.getByLabel('NIP', { exact: true }).fill(nip);
		await page.getByLabel('Kata sandi').fill(PASSWORD);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await page.waitForURL(`${proxy.url}/`);
		// the worker controls the page: reloads work with the network cut
		if (worker)
			await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
				timeout: 30_000
			});
		return { context, page };
	}

	async function addToCart(page: Page, product: Product, qty: number) {
		await page.goto(`${proxy.url}/produk/${product.id}`);
		await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
		const add = page.getByRole('button', { name: 'Tambah ke keranjang' });
		for (let i = 0; i < qty; i++) await add.click();
	}

	async function checkout(page: Page) {
		await page.getByRole('link', { name: /^Keranjang/ }).click();
		await page.getByRole('heading', { level: 1, name: 'Keranjang' }).waitFor();
		await page.getByRole('button', { name: 'Pesan sekarang' }).click();
		await page.waitForURL(`${proxy.url}/pesanan`);
	}

	const statusCount = (page: Page, text: string | RegExp) =>
		page.getByText(text, { exact: true }).count();
	/** not yet answered by the server: queued, or tried and waiting to be tried again */
	const UNSENT = /^(Menunggu dikirim|Sedang dikirim)$/;

	it('checkout offline → reload → close → reopen online: exactly one order per stall', async () => {
		const before = (await serverOrders(BUDI_NIP)).length;
		const { context, page } = await signedInBuyer(BUDI_NIP, { worker: true });
		await addToCart(page, sanan, 2);
		await addToCart(page, dampit, 1);

		proxy.cut();
		await checkout(page);
		await expect.poll(() => statusCount(page, UNSENT)).toBe(2);
		await page.getByText(/2 perubahan belum terkirim/).waitFor();
		// signing out now would strand the two orders: refused, with the reason
		await page.getByRole('button', { name: 'Keluar' }).click();
		await page.getByText(/Masih ada perubahan yang belum terkirim/).waitFor();
		expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);

		await page.reload(); // from the worker's precache, the network still cut
		await expect.poll(() => statusCount(page, UNSENT)).toBe(2);
		await page.close();
		expect(await serverOrders(BUDI_NIP)).toHaveLength(before);

		proxy.restore();
		const again = await context.newPage();
		await again.goto(`${proxy.url}/pesanan`);
		await expect.poll(() => statusCount(again, 'Menunggu penjual'), { timeout: 20_000 }).toBe(2);

		const orders = (await serverOrders(BUDI_NIP)).slice(before);
		expect(orders).toHaveLength(2);
		expect(orders.map((o) => o.stall).sort()).toEqual([sanan.stall, dampit.stall].sort());
		expect(orders.find((o) => o.stall === sanan.stall)?.total).toBe(2 * sanan.price);

		// the Sanan stall's seller reads its order through the API
		const seller = await authToken('sellers', 'keripik.sanan@malpro.test');
		const sananOrder = orders.find((o) => o.stall === sanan.stall);
		const seen = await api(`/api/collections/orders/records/${sananOrder?.id}`, {}, seller);
		expect(seen.status).toBe(200);
		expect(seen.body).toMatchObject({
			stall: sanan.stall,
			status: 'placed',
			delivery_name: 'Budi Santoso'
		});
		await context.close();
	});

	it('two tabs open at once, and an answer lost mid-push: still exactly one order', async () => {
		const before = (await serverOrders(SITI_NIP)).length;
		const { context, page } = await signedInBuyer(SITI_NIP);
		const second = await context.newPage();
		await second.goto(`${proxy.url}/pesanan`);
		await addToCart(page, sanan, 1);

		proxy.cut();
		await checkout(page);
		proxy.loseAnswers('POST /api/sync/push'); // the server commits; the tab never hears
		proxy.restore();
		// both tabs' runners wake up (online, timer, visibility); Web Locks keep one at a time
		await Promise.all([page.reload(), second.reload()]);
		await expect.poll(() => statusCount(page, 'Menunggu penjual'), { timeout: 30_000 }).toBe(1);
		await expect.poll(() => statusCount(second, 'Menunggu penjual'), { timeout: 30_000 }).toBe(1);

		const orders = (await serverOrders(SITI_NIP)).slice(before);
		expect(orders).toHaveLength(1);

		// before the seller accepts, the buyer cancels with a reason
		await page
			.getByRole('link', { name: /Rincian pesanan/ })
			.first()
			.click();
		await page.getByLabel('Alasan pembatalan').fill('Salah pilih varian');
		await page.getByRole('button', { name: 'Batalkan' }).click();
		await page.getByText('Dibatalkan', { exact: true }).waitFor({ timeout: 15_000 });
		const [cancelled] = await serverOrders(SITI_NIP).then((o) =>
			o.filter((x) => x.id === orders[0]?.id)
		);
		expect(cancelled?.status).toBe('cancelled');
		await context.close();
	});

	it('a price changed while offline: needs confirmation with both totals → confirm → accepted live', async () => {
		const { context, page } = await signedInBuyer(BUDI_NIP);
		await addToCart(page, dampit, 1);
		// the cart and orders pages' code is loaded while online (no worker in this context)
		await page.goto(`${proxy.url}/pesanan`);
		await page.getByRole('link', { name: /^Keranjang/ }).click();
		await page.getByRole('heading', { level: 1, name: 'Keranjang' }).waitFor();
		proxy.cut();
		await page.getByRole('button', { name: 'Pesan sekarang' }).click();
		await page.waitForURL(`${proxy.url}/pesanan`);

		const newPrice = dampit.price + 5000;
		const patched = await api(`/api/collections/products/records/${dampit.id}`, {
			method: 'PATCH',
			body: JSON.stringify({ price: newPrice })
		});
		expect(patched.status).toBe(200);
		proxy.restore();

		await expect
			.poll(() => statusCount(page, 'Perlu konfirmasi Anda'), { timeout: 20_000 })
			.toBe(1);
		// the order that needs the answer (this buyer has an earlier Kopi Dampit order too,
		// waiting for the seller: "the first" of the list was once that one)
		await page
			.getByRole('listitem')
			.filter({ hasText: 'Perlu konfirmasi Anda' })
			.getByRole('link', { name: /Rincian pesanan: Kopi Dampit/ })
			.click();
		const rupiah = (n: number) => `Rp${n.toLocaleString('de-DE')}`;
		await page
			.getByText(`Total berubah: ${rupiah(dampit.price)} menjadi ${rupiah(newPrice)}`)
			.waitFor();
		await page.getByText('Harga berubah sejak katalog Anda diperbarui.').waitFor();
		await page.getByRole('button', { name: 'Konfirmasi' }).click();
		await page.getByText('Menunggu penjual', { exact: true }).waitFor({ timeout: 20_000 });

		// the seller accepts through the API; the buyer's screen follows without a reload
		const orderId = page.url().split('/').pop() ?? '';
		const seller = await authToken('sellers', 'kopi.dampit@malpro.test');
		const accept = await api(
			'/api/sync/push',
			{
				method: 'POST',
				body: JSON.stringify({
					clientId: 'seller-phone',
					mutations: [
						{
							id: 'acceptdampit001',
							name: 'order.accept',
							args: { order: orderId },
							createdAt: new Date().toISOString()
						}
					]
				})
			},
			seller
		);
		expect((accept.body.results as { status: string }[])[0]?.status).toBe('applied');
		await page.getByText('Diterima penjual', { exact: true }).waitFor({ timeout: 15_000 });

		// on the way, handed over; the buyer confirms receipt and the order completes
		const move = (name: string, id: string) =>
			api(
				'/api/sync/push',
				{
					method: 'POST',
					body: JSON.stringify({
						clientId: 'seller-phone',
						mutations: [{ id, name, args: { order: orderId }, createdAt: new Date().toISOString() }]
					})
				},
				seller
			);
		await move('order.ship', 'shipdampit00001');
		await move('order.deliver', 'deliverdampit01');
		await page.getByText('Sudah diserahkan', { exact: true }).waitFor({ timeout: 15_000 });
		await page.getByRole('button', { name: 'Pesanan sudah saya terima' }).click();
		await page.getByText('Selesai', { exact: true }).waitFor({ timeout: 15_000 });
		await context.close();
	});
});
