import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './harness';
import { publicDir } from './server';

/** One GET without the decompression fetch() does: the bytes and headers as sent. */
function getRaw(
	url: string,
	acceptEncoding: string
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** The build's text files that have compressed copies (adapter-static's precompress). */
function filesWithCopies(): string[] {
	const all = readdirSync(publicDir, { recursive: true, encoding: 'utf8' });
	return all.filter((f) => f.endsWith('.br')).map((f) => f.slice(0, -'.br'.length));
}

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

	it('sends every text file of the build compressed, and its copies hold the file itself', async () => {
		const files = filesWithCopies();
		// the shell, the worker, and the app's scripts and styles
		expect(files).toContain('index.html');
		expect(files).toContain('service-worker.js');
		expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(20);
		expect(files.some((f) => f.endsWith('.css'))).toBe(true);
		for (const file of files) {
			// the shell is asked for as / (/index.html redirects there)
			const name = file === 'index.html' ? '' : file.split(path.sep).join('/');
			const url = `${env.server.url}/${name}`;
			const original = readFileSync(path.join(publicDir, file));
			const br = await getRaw(url, 'gzip, deflate, br');
			expect([file, br.status, br.headers['content-encoding']]).toEqual([file, 200, 'br']);
			expect(br.headers.vary).toContain('Accept-Encoding');
			expect(brotliDecompressSync(br.body).equals(original), `${file}: brotli copy`).toBe(true);
			const gz = await getRaw(url, 'gzip');
			expect([file, gz.headers['content-encoding']]).toEqual([file, 'gzip']);
			expect(gunzipSync(gz.body).equals(original), `${file}: gzip copy`).toBe(true);
			const plain = await getRaw(url, 'identity');
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body.equals(original), `${file}: as it is`).toBe(true);
		}
		// a deep link gets the shell's copy too
		const deep = await getRaw(`${env.server.url}/toko/abc/produk`, 'br');
		expect(deep.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(deep.body).toString()).toContain('<html lang="id"');
	});

	it('answers /api/health', async () => {
		const res = await fetch(`${env.server.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ code: 200 });
	});
});
