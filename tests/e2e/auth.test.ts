import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { TestServer } from './server';

// The demo accounts of pocketbase/seed (README), all with this password.
const PASSWORD = 'malpro123';
const BUDI_NIP = '198507142010011002';

const roleRadio = { buyer: 'ASN (pembeli)', seller: 'Penjual', admin: 'Admin kota' } as const;
const identityLabel = { buyer: 'NIP', seller: 'Email atau nomor HP', admin: 'Email' } as const;
type Role = keyof typeof roleRadio;

describe('signing in, out, and the buyer profile', () => {
	let server: TestServer;
	let browser: Browser;
	let page: Page;
	const pageErrors: string[] = [];

	// One page for the file (a browser context costs about a second here); each test
	// starts signed out because afterEach forgets the sign-in kept on the "device".
	beforeAll(async () => {
		[server, browser] = await Promise.all([TestServer.start(), launchBrowser()]);
		page = await (await browser.newContext()).newPage();
		page.on('pageerror', (e) => pageErrors.push(e.message));
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});
	afterEach(async () => {
		expect(pageErrors.splice(0)).toEqual([]);
		await page.evaluate(forgetSignIn);
	});

	async function signIn(role: Role, identity: string, password = PASSWORD) {
		await page.goto(`${server.url}/masuk`);
		await page.getByRole('radio', { name: roleRadio[role] }).check();
		await page.getByLabel(identityLabel[role], { exact: true }).fill(identity);
		await page.getByLabel('Kata sandi').fill(password);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	}

	const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

	async function signOut() {
		await page.getByRole('button', { name: 'Keluar' }).click();
		await page.waitForURL(`${server.url}/masuk`);
		await heading('Masuk').waitFor();
		expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
	}

	/** Deletes the kept sign-in from IndexedDB, as if on a new device (the next load starts signed out). */
	const forgetSignIn = () =>
		new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('malpro');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const tx = open.result.transaction('kv', 'readwrite');
				tx.objectStore('kv').delete('auth');
				tx.oncomplete = () => {
					open.result.close();
					resolve();
				};
				tx.onerror = () => reject(tx.error);
			};
		});

	/** The sign-in kept in IndexedDB, read the way a service worker would. */
	const storedAuth = () =>
		page.evaluate(
			() =>
				new Promise<{ token?: string; record?: { name?: string } } | null>((resolve, reject) => {
					const open = indexedDB.open('malpro');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result.transaction('kv').objectStore('kv').get('auth');
						get.onerror = () => reject(get.error);
						get.onsuccess = () => {
							resolve(get.result?.value ?? null);
							open.result.close();
						};
					};
				})
		);

	it('a buyer signs in by NIP, is greeted with their OPD on the home page, and signs out', async () => {
		await signIn('buyer', '19850714 201001 1 002');
		await page.waitForURL(`${server.url}/`);
		await heading('Halo, Budi Santoso').waitFor();
		await page.getByText('OPD: Dinas Komunikasi dan Informatika').waitFor();
		await page.getByRole('heading', { name: 'Pesanan saya' }).waitFor();
		await signOut();
		await expect.poll(storedAuth).toBeNull();
	});

	it.each([
		['keripik.sanan@malpro.test', 'Sri Wahyuni', 'Keripik Tempe Sanan'],
		['0813 3300 0002', 'Dewi Lestari', 'Keripik Tempe Sanan'], // sanan.helper, by phone
		['kopi.dampit@malpro.test', 'Slamet Riyadi', 'Kopi Dampit']
	])(
		'seller %s lands on /penjual with their stall, and signs out',
		async (identity, name, stall) => {
			await signIn('seller', identity);
			await page.waitForURL(`${server.url}/penjual`);
			await heading('Beranda penjual').waitFor();
			await page.getByText(`Halo, ${name}`).waitFor();
			await page.getByText(`Lapak: ${stall}`).waitFor();
			await page.getByRole('heading', { name: 'Pesanan masuk' }).waitFor();
			await signOut();
		}
	);

	it('the admin lands on /admin, and signs out', async () => {
		await signIn('admin', 'admin@malpro.test');
		await page.waitForURL(`${server.url}/admin`);
		await heading('Beranda admin kota').waitFor();
		await page.getByText('Halo, Admin Diskominfo').waitFor();
		await page.getByRole('heading', { name: 'Verifikasi lapak' }).waitFor();
		await signOut();
	});

	it('a sign-in with less than a week left is renewed at the next start, its OPD kept', async () => {
		// the city makes buyers' sign-ins last 3 days (under the week that triggers a renewal)
		const rootToken = await server.demoSuperuserToken();
		const tokenDays = async (days: number) => {
			const res = await fetch(`${server.url}/api/collections/buyers`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json', authorization: rootToken },
				body: JSON.stringify({ authToken: { duration: days * 24 * 3600 } })
			});
			expect(res.status).toBe(200);
		};
		const expiry = (token?: string) =>
			JSON.parse(atob((token ?? '').split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? ''))
				.exp as number;
		await tokenDays(3);
		try {
			await signIn('buyer', BUDI_NIP);
			await heading('Halo, Budi Santoso').waitFor();
			const first = await storedAuth();
			const left = expiry(first?.token) - Date.now() / 1000;
			expect(left).toBeGreaterThan(2.9 * 24 * 3600);
			expect(left).toBeLessThan(3 * 24 * 3600 + 60);

			// a second later (a token's exp counts seconds), the app starts again
			await page.waitForTimeout(1100);
			await page.reload();
			await expect
				.poll(async () => (await storedAuth())?.token, { timeout: 15_000 })
				.not.toBe(first?.token);
			const renewed = await storedAuth();
			expect(expiry(renewed?.token)).toBeGreaterThan(expiry(first?.token));
			expect(renewed?.record).toMatchObject({
				name: 'Budi Santoso',
				expand: { opd: { name: 'Dinas Komunikasi dan Informatika' } }
			});
			await page.getByText('OPD: Dinas Komunikasi dan Informatika').waitFor();
		} finally {
			await tokenDays(30);
		}

		// a sign-in with more than a week left is not renewed at a start
		await page.evaluate(forgetSignIn);
		await signIn('buyer', BUDI_NIP);
		await heading('Halo, Budi Santoso').waitFor();
		const month = await storedAuth();
		await page.waitForTimeout(1100);
		await page.reload();
		await heading('Halo, Budi Santoso').waitFor();
		await page.waitForTimeout(1500);
		expect((await storedAuth())?.token).toBe(month?.token);
	});

	it('a wrong password is refused in Indonesian', async () => {
		await signIn('buyer', BUDI_NIP, 'salah-sandi');
		await page
			.getByRole('alert')
			.filter({ hasText: 'NIP/email atau kata sandi salah. Coba lagi.' })
			.waitFor();
		expect(page.url()).toBe(`${server.url}/masuk`);
	});

	it('a failed connection says so in Indonesian', async () => {
		await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
		try {
			await signIn('admin', 'admin@malpro.test');
			await page
				.getByRole('alert')
				.filter({ hasText: 'Tidak dapat terhubung ke server.' })
				.waitFor();
		} finally {
			await page.unroute('**/api/**');
		}
	});

	it('a malformed NIP is refused in Indonesian before any request', async () => {
		await page.goto(`${server.url}/masuk`);
		const apiCalls: string[] = [];
		const onRequest = (r: Request) => {
			if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url());
		};
		page.on('request', onRequest);
		await page.getByLabel('NIP').fill('19850714201001100'); // 17 digits
		await page.getByLabel('Kata sandi').fill(PASSWORD);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await page.getByText('NIP harus 18 angka. Periksa lagi NIP Anda.').waitFor();
		page.off('request', onRequest);
		expect(apiCalls).toEqual([]);
	});

	it('keeps visitors and other roles out of /penjual, /admin and /profil', async () => {
		for (const path of ['/penjual', '/admin', '/profil']) {
			await page.goto(`${server.url}${path}`);
			await page.waitForURL(`${server.url}/masuk`);
			await heading('Masuk').waitFor();
		}
		await signIn('buyer', BUDI_NIP);
		await page.waitForURL(`${server.url}/`);
		await page.goto(`${server.url}/penjual`);
		await page.waitForURL(`${server.url}/masuk`);
	});

	it('the sign-in survives a reload: the token is read back from IndexedDB', async () => {
		await signIn('seller', 'keripik.sanan@malpro.test');
		await page.waitForURL(`${server.url}/penjual`);
		await expect.poll(async () => (await storedAuth())?.record?.name).toBe('Sri Wahyuni');
		expect((await storedAuth())?.token).toMatch(/^ey/);
		// not in localStorage, where the SDK would keep it by default
		expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain('pocketbase_auth');

		await page.reload();
		await heading('Beranda penjual').waitFor();
		await page.getByText('Halo, Sri Wahyuni').waitFor();
		expect(page.url()).toBe(`${server.url}/penjual`);
	});

	it('a buyer edits their profile (phone saved as +628…), and cannot change their NIP', async () => {
		await signIn('buyer', BUDI_NIP);
		await page.waitForURL(`${server.url}/`);
		await page.getByRole('link', { name: 'Profil' }).click();
		await heading('Profil saya').waitFor();

		const nip = page.getByLabel('NIP');
		expect(await nip.inputValue()).toBe(BUDI_NIP);
		expect(await nip.isEditable()).toBe(false);

		const phone = page.getByLabel('Nomor HP');
		await phone.fill('0812');
		await page.getByRole('button', { name: 'Simpan' }).click();
		await page.getByText('Panjang nomor HP tidak sesuai').waitFor();

		await phone.fill('0812 3456 7899');
		await page.getByLabel('Kecamatan').selectOption({ label: 'Klojen' });
		await page.getByRole('button', { name: 'Simpan' }).click();
		await page.getByRole('status').filter({ hasText: 'Profil tersimpan' }).waitFor();
		expect(await phone.inputValue()).toBe('+6281234567899');

		await page.reload();
		await heading('Profil saya').waitFor();
		expect(await page.getByLabel('Nomor HP').inputValue()).toBe('+6281234567899');
		expect(await page.getByLabel('Kecamatan').inputValue()).toBe('klojen');
		expect(await page.getByLabel('NIP').inputValue()).toBe(BUDI_NIP);

		// the server refuses a NIP change even from the buyer's own token
		const { token, record } = (await storedAuth()) as { token: string; record: { id: string } };
		const res = await fetch(`${server.url}/api/collections/buyers/records/${record.id}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', authorization: token },
			body: JSON.stringify({ nip: '199203252019032001' })
		});
		expect(res.ok).toBe(false);
		const check = await fetch(`${server.url}/api/collections/buyers/records/${record.id}`, {
			headers: { authorization: token }
		});
		expect(await check.json()).toMatchObject({ nip: BUDI_NIP, phone: '+6281234567899' });
	});
});
