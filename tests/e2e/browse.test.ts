import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '$lib/domain/money';
import { launchBrowser } from './browser';
import { TestServer } from './server';

// Browsing the catalog as a visitor and as a buyer, online and then with the server
// gone: every page reads the catalog the first visit pulled into IndexedDB.

const BUDI_NIP = '198507142010011002';

type Row = Record<string, unknown> & { id: string };

/** "Rp12.500" → 12500 */
const rupiah = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('browsing the catalog, online and offline', () => {
	let server: TestServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
		context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		page = await context.newPage();
		page.on('pageerror', (e) => pageErrors.push(e.message));
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	/** What a guest sees of a collection (the truth the pages are compared with). */
	async function publicList(collection: string): Promise<Row[]> {
		const res = await fetch(`${server.url}/api/collections/${collection}/records?perPage=1000`);
		return ((await res.json()) as { items: Row[] }).items;
	}

	const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
	const cardPrices = async () =>
		(await page.locator('main article .price strong').allTextContents()).map(rupiah);
	const cardNames = () => page.locator('main article h3').allTextContents();

	it('browses, filters, orders, adds to the cart and searches; then all of it offline', async () => {
		const [categories, stalls, products] = await Promise.all([
			publicList('categories'),
			publicList('stalls'),
			publicList('products')
		]);

		// a visitor opens the home page: the catalog is pulled, the categories show
		await page.goto(`${server.url}/`);
		await h1('Malpro').waitFor();
		const status = page.getByRole('region', { name: 'Status katalog' });
		await status.getByText(/^Diperbarui \d+ \w+ \d{4} \d\d\.\d\d WIB$/).waitFor();
		await status.getByText(`${products.length} produk · ${stalls.length} lapak`).waitFor();
		const tiles = page.getByRole('region', { name: 'Kategori' }).getByRole('link');
		expect(await tiles.count()).toBe(categories.length);
		expect(categories.length).toBe(8);

		// a category, filtered by kecamatan and ordered by price
		const food = categories.find((c) => c.slug === 'makanan-minuman') as Row;
		await page.getByRole('link', { name: /^Makanan & Minuman/ }).click();
		await h1('Makanan & Minuman').waitFor();
		await page.getByLabel('Kecamatan').selectOption({ label: 'Kedungkandang' });
		await page.getByLabel('Urutkan').selectOption({ label: 'Termurah' });
		await page.waitForURL(/\/kategori\/\w+\?kecamatan=kedungkandang&urut=termurah$/);
		const inKedungkandang = new Set(
			stalls.filter((s) => s.kecamatan === 'kedungkandang').map((s) => s.id)
		);
		const expected = products
			.filter((p) => p.category === food.id && p.active && inKedungkandang.has(p.stall as string))
			.map((p) => p.price as number)
			.sort((a, b) => a - b);
		// a long list: 24 cards, then the rest at "show more" (the focus on the first new one)
		expect(expected.length).toBeGreaterThan(24);
		expect(expected.length).toBeLessThanOrEqual(48);
		await expect.poll(cardPrices).toEqual(expected.slice(0, 24));
		const left = expected.length - 24;
		await page
			.getByRole('button', { name: `Tampilkan ${left} produk lagi (sisa ${left})` })
			.click();
		await expect.poll(cardPrices).toEqual(expected);
		expect(
			await page.evaluate(() => {
				const cards = [...document.querySelectorAll('main article h3 a')];
				return cards.indexOf(document.activeElement as Element);
			})
		).toBe(24);
		expect(await page.getByRole('button', { name: /^Tampilkan \d+ produk lagi/ }).count()).toBe(0);
		await page.getByLabel('Urutkan').selectOption({ label: 'Termahal' });
		await expect.poll(cardPrices).toEqual([...expected].reverse());

		// back from a product far down the list: as many cards, scrolled back to where it was
		const far = page.locator('main article h3 a').nth(30);
		const farName = ((await far.textContent()) ?? '').trim();
		await far.scrollIntoViewIfNeeded();
		const y = await page.evaluate(() => scrollY);
		expect(y).toBeGreaterThan(500);
		await far.click();
		await h1(farName).waitFor();
		await page.goBack();
		await h1('Makanan & Minuman').waitFor();
		await expect.poll(cardPrices).toEqual([...expected].reverse());
		await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(Math.round(y));

		// a product (Kopi Dampit's, the only one of that name there): two of them into the cart
		const dampit = stalls.find((s) => s.name === 'Kopi Dampit') as Row;
		const coffee = products.find(
			(p) => p.name === 'Kopi Dampit Robusta Bubuk' && p.stall === dampit.id
		) as Row;
		await page.getByRole('link', { name: 'Kopi Dampit Robusta Bubuk' }).click();
		await h1('Kopi Dampit Robusta Bubuk').waitFor();
		expect(await page.locator('main .price strong').textContent()).toBe(
			formatRupiah(coffee.price as number)
		);
		await page.getByRole('button', { name: 'Tambah jumlah' }).click();
		expect(await page.getByLabel('Jumlah', { exact: true }).inputValue()).toBe('2');
		await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
		await page.getByRole('status').filter({ hasText: '2 di keranjang' }).waitFor();

		// its stall
		await page.getByRole('link', { name: /^Dijual oleh/ }).click();
		await h1('Kopi Dampit').waitFor();
		await page.getByText('Setiap hari 08.00–21.00').waitFor();
		await page.getByText('Jl. Ki Ageng Gribig No. 45, Madyopuro, Kedungkandang').waitFor();
		const dampitProducts = products.filter((p) => p.stall === dampit.id && p.active);
		await expect.poll(() => cardNames().then((n) => n.length)).toBe(dampitProducts.length);
		// the demo stall's 9th product is sold out: shown, marked
		expect(await page.locator('main article').filter({ hasText: 'Habis' }).count()).toBe(1);

		// search as you type from the home page, with a typo, then two word prefixes
		await page
			.getByRole('link', { name: /^Malpro/ })
			.first()
			.click();
		const search = page.getByRole('searchbox', { name: 'Cari produk, lapak, atau kategori' });
		await search.fill('kripik');
		await page
			.getByRole('status')
			.filter({ hasText: /produk cocok dengan “kripik”/ })
			.waitFor();
		expect((await cardNames()).slice(0, 6).every((n) => n.startsWith('Keripik'))).toBe(true);
		await search.fill('kopi dam');
		await page
			.getByRole('status')
			.filter({ hasText: /produk cocok dengan “kopi dam”/ })
			.waitFor();
		expect((await cardNames())[0]).toMatch(/^Kopi .*Dampit/);
		await search.press('Enter');
		await page.waitForURL(/\/cari\?q=kopi(%20|\+)dam$/);
		await expect.poll(cardNames).toContain('Kopi Dampit Robusta Bubuk');

		// a product this device does not know
		await page.goto(`${server.url}/produk/tidakadaproduk1`);
		await h1('Produk tidak ditemukan').waitFor();

		// a buyer signs in: the visitor's cart is theirs now, the stalls near them show
		await page.goto(`${server.url}/masuk`);
		await page.getByLabel('NIP', { exact: true }).fill(BUDI_NIP);
		await page.getByLabel('Kata sandi').fill('malpro123');
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await h1('Halo, Budi Santoso').waitFor();
		await page.getByRole('link', { name: 'Keranjang (2)' }).waitFor();
		const nearby = page.getByRole('list', { name: 'Lapak di dekat Anda' });
		await nearby.getByRole('link').first().waitFor();
		expect(await page.getByLabel('Kecamatan').inputValue()).toBe('lowokwaru');
		const lowokwaru = stalls.filter((s) => s.kecamatan === 'lowokwaru').length;
		const shown = await nearby.getByRole('link').allTextContents();
		expect(shown.length).toBe(Math.min(lowokwaru, 8));
		expect(shown.every((s) => s.includes('Lowokwaru'))).toBe(true);

		// the server goes away: links within the app still work from IndexedDB
		await server.kill();
		const kriya = categories.find((c) => c.slug === 'kriya') as Row;
		const crafts = products.filter((p) => p.category === kriya.id && p.active);
		// the tile counts what the category's page lists (inactive products aside)
		const tile = page.getByRole('link', { name: /^Kriya/ });
		expect(await tile.textContent()).toContain(`${crafts.length} produk`);
		await tile.click();
		await h1('Kriya').waitFor();
		await page
			.getByRole('status')
			.filter({ hasText: `${crafts.length} produk` })
			.waitFor();
		await expect.poll(() => cardNames().then((n) => n.length)).toBe(Math.min(crafts.length, 24));
		const name = (await cardNames())[0] as string;
		await page.getByRole('link', { name, exact: true }).first().click();
		await h1(name).waitFor();
		await page.getByRole('button', { name: 'Tambah ke keranjang' }).waitFor();

		await page
			.getByRole('link', { name: /^Malpro/ })
			.first()
			.click();
		await h1('Halo, Budi Santoso').waitFor();
		await search.fill('kripik');
		await page
			.getByRole('status')
			.filter({ hasText: /produk cocok dengan “kripik”/ })
			.waitFor();
		expect((await cardNames())[0]).toMatch(/^Keripik/);

		// asking for an update says it failed, and keeps what the device holds
		await page.getByRole('button', { name: 'Perbarui katalog' }).click();
		await status.getByText('Katalog belum bisa diperbarui').waitFor();
		await status.getByText(`${products.length} produk · ${stalls.length} lapak`).waitFor();

		expect(pageErrors).toEqual([]);
	});
});
