import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './harness';

describe('the built app served by PocketBase', () => {
	const env = serverAndBrowser();

	it('loads, and its sign-in page speaks Bahasa Indonesia', async () => {
		const page = await env.browser.newPage();
		const consoleErrors: string[] = [];
		page.on('pageerror', (e) => consoleErrors.push(e.message));

		await page.goto(`${env.server.url}/masuk`);
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
		await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();
		expect(await page.getByRole('radio', { name: 'ASN (pembeli)' }).isChecked()).toBe(true);
		expect(await page.getByLabel('NIP').isVisible()).toBe(true);
		expect(await page.getByLabel('Kata sandi').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Masuk' }).isVisible()).toBe(true);

		// a malformed NIP is caught before any request, in Indonesian
		await page.getByLabel('NIP').fill('12345');
		await page.getByLabel('Kata sandi').fill('malpro123');
		await page.getByRole('button', { name: 'Masuk' }).click();
		await page.getByText('NIP harus 18 angka. Periksa lagi NIP Anda.').waitFor();

		expect(consoleErrors).toEqual([]);
		await page.close();
	});

	it('answers a missing /_app/ asset with 404, never the app shell', async () => {
		const res = await fetch(`${env.server.url}/_app/x.js`);
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain('<html');
	});

	it('answers a deep page route with the shell', async () => {
		const res = await fetch(`${env.server.url}/toko/abc/produk`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('<html lang="id"');
	});

	it('answers /api/health', async () => {
		const res = await fetch(`${env.server.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ code: 200 });
	});
});
