import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from './browser';
import { publicDir, TestServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The build id baked into the second build ("the next deploy") of the update test. */
const NEXT_BUILD = 'pwa-test-next';

/**
 * Builds the app once more, as the next deploy, into `outDir` (the normal build in
 * pocketbase/pb_public and .svelte-kit are left alone: svelte.config.js reads
 * MALPRO_APP_OUT and MALPRO_KIT_OUT).
 */
function buildNextDeploy(outDir: string, kitDir: string): Promise<void> {
	// a production build, as `npm start` makes it: not vitest's NODE_ENV=test and VITEST
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))
	);
	return new Promise((resolve, reject) => {
		let log = '';
		const child = spawn('npx', ['vite', 'build', '--logLevel', 'error'], {
			cwd: root,
			env: {
				...env,
				MALPRO_BUILD_ID: NEXT_BUILD,
				MALPRO_APP_OUT: outDir,
				MALPRO_KIT_OUT: kitDir
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout.on('data', (d) => (log += d));
		child.stderr.on('data', (d) => (log += d));
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`vite build exited ${code}:\n${log}`))
		);
	});
}

/** Resolves once a service worker controls the page (the shell is precached by then). */
async function waitForControl(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
		timeout: 20_000
	});
}

const buildOf = (page: Page) =>
	page.locator('meta[name="malpro-build"]').getAttribute('content', { timeout: 10_000 });

describe('the installable, offline PWA', () => {
	let server: TestServer;
	let context: BrowserContext;
	let tmp: string;
	let nextBuild: Promise<unknown>;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		tmp = mkdtempSync(path.join(os.tmpdir(), 'malpro-pwa-'));
		// Kit's server chunks, built under tmp/kit, import packages: let them find ours
		symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
		// the next deploy builds while the other tests run (it is awaited by the update test)
		nextBuild = buildNextDeploy(path.join(tmp, 'next'), path.join(tmp, 'kit')).catch(
			(e: unknown) => e
		);
		// a persistent profile: installability and service workers as on a phone
		// (an incognito context reports "in-incognito")
		[server, context] = await Promise.all([
			TestServer.start(),
			chromium.launchPersistentContext(path.join(tmp, 'profile'), {
				executablePath: chromiumPath,
				// beforeinstallprompt without Chromium's engagement wait (a person's visits)
				args: [...chromiumArgs, '--bypass-app-banner-engagement-checks'],
				viewport: { width: 390, height: 844 }
			})
		]);
		context.on('weberror', (e) => pageErrors.push(e.error().message));
	});
	afterAll(async () => {
		await context?.close();
		await server?.stop();
		await nextBuild;
		if (tmp) rmSync(tmp, { recursive: true, force: true });
	});

	it('has a manifest that passes Chromium’s installability check', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await waitForControl(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);

		const { errors, data } = (await cdp.send('Page.getAppManifest')) as unknown as {
			errors: unknown[];
			data: string;
		};
		expect(errors).toEqual([]);
		const manifest = JSON.parse(data) as Record<string, unknown>;
		expect(manifest).toMatchObject({
			name: 'Malpro',
			short_name: 'Malpro',
			lang: 'id',
			start_url: '/',
			scope: '/',
			display: 'standalone',
			theme_color: '#0f766e'
		});
		// every icon is a real PNG of the size it claims
		for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
			const res = await fetch(`${server.url}${icon.src}`);
			expect(res.status, icon.src).toBe(200);
			const png = Buffer.from(await res.arrayBuffer());
			expect(png.subarray(1, 4).toString(), icon.src).toBe('PNG');
			const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
			expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
		}
		await cdp.detach();
		await page.close();
	});

	it('turns a Background Sync of the outbox into a message to the pages', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/masuk`);
		await waitForControl(page);
		await page.evaluate(() => {
			const w = window as unknown as { workerMessages: unknown[] };
			w.workerMessages = [];
			navigator.serviceWorker.addEventListener('message', (e) => w.workerMessages.push(e.data));
		});
		const cdp = await context.newCDPSession(page);
		const registration = new Promise<string>((resolve) =>
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const ours = registrations.find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted);
				if (ours) resolve(ours.registrationId);
			})
		);
		await cdp.send('ServiceWorker.enable');
		const registrationId = await registration;
		for (const tag of ['some-other-tag', 'malpro-outbox']) {
			await cdp.send('ServiceWorker.dispatchSyncEvent', {
				origin: server.url,
				registrationId,
				tag,
				lastChance: false
			});
		}
		await expect
			.poll(() =>
				page.evaluate(() => (window as unknown as { workerMessages: unknown[] }).workerMessages)
			)
			.toEqual([{ type: 'malpro-sync' }]);
		await cdp.detach();
		await page.close();
	});

	it('every URL the worker precaches answers 200 (one that does not fails the install)', async () => {
		const sw = await (await fetch(`${server.url}/service-worker.js`)).text();
		const list = JSON.parse(sw.match(/\[\{"revision".*?\}\]/)?.[0] ?? '[]') as { url: string }[];
		expect(list.map((e) => e.url)).toEqual(
			expect.arrayContaining(['/', 'manifest.webmanifest', 'icon-192.png'])
		);
		expect(list.some((e) => e.url.startsWith('_app/immutable/entry/'))).toBe(true);
		for (const { url } of list) {
			const res = await fetch(new URL(url, `${server.url}/`));
			expect(res.status, url).toBe(200);
		}
	});

	it('says so when the device has no IndexedDB (private mode), and still signs in online', async () => {
		const page = await context.newPage();
		await page.addInitScript(() => {
			for (const name of ['indexedDB', 'webkitIndexedDB']) {
				Object.defineProperty(window, name, { value: undefined, configurable: true });
			}
		});
		await page.goto(`${server.url}/masuk`);
		await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();
		await page
			.getByRole('alert')
			.filter({ hasText: 'Penyimpanan di perangkat tidak tersedia' })
			.waitFor();

		await page.getByRole('radio', { name: 'Admin kota' }).check();
		await page.getByLabel('Email', { exact: true }).fill('admin@malpro.test');
		await page.getByLabel('Kata sandi').fill('malpro123');
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await page.waitForURL(`${server.url}/admin`);
		await page.getByRole('heading', { name: 'Beranda admin kota', level: 1 }).waitFor();
		await page.close();
	});

	it('/pengaturan shows install, storage, language and version', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await page.getByRole('link', { name: 'Pengaturan' }).click();
		await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
		await page.getByRole('heading', { name: 'Pasang aplikasi' }).waitFor();
		// Chromium offers to install (beforeinstallprompt), kept for this button
		await page.getByRole('button', { name: 'Pasang aplikasi' }).waitFor();
		await expect
			.poll(() => page.getByTestId('storage-usage').textContent())
			.toMatch(/^Terpakai [\d.]+,\d MB dari [\d.]+,\d MB$/);
		await page.getByTestId('storage-persisted').waitFor();
		expect(await page.getByTestId('build-id').textContent()).toBe(`Versi: ${await buildOf(page)}`);

		// the language switch lives here too
		await page.getByRole('radio', { name: 'English' }).check();
		await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
		await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
		await page.close();
	});

	it('opens offline from the precache: the home page and deep links', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await waitForControl(page);

		// offline for real: the server is gone (setOffline does not cut the worker's requests)
		await server.kill();
		expect(await fetch(`${server.url}/`).catch(() => 'unreachable')).toBe('unreachable');

		const home = await page.reload();
		expect(home?.fromServiceWorker()).toBe(true);
		await page.getByRole('heading', { name: 'Malpro', level: 1 }).waitFor();

		// deep links: never visited, answered with the precached shell
		const masuk = await page.goto(`${server.url}/masuk`);
		expect(masuk?.status()).toBe(200);
		expect(masuk?.fromServiceWorker()).toBe(true);
		await page.getByRole('heading', { name: 'Masuk', level: 1 }).waitFor();

		await page.goto(`${server.url}/pengaturan`);
		await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
		await page.getByText('Siap dipakai tanpa sinyal.').waitFor();
		await page.close();
	});

	it('offers a new version without reloading by itself, and loads it when asked', async () => {
		const built = await nextBuild;
		if (built instanceof Error) throw built;

		// the server serves whatever `served` points at: first this build, then the next
		const current = path.join(tmp, 'current');
		cpSync(publicDir, current, { recursive: true });
		const served = path.join(tmp, 'served');
		symlinkSync(current, served);
		const deployServer = await TestServer.start({ env: { MALPRO_PUBLIC_DIR: served } });
		try {
			const page = await context.newPage();
			await page.goto(`${deployServer.url}/`);
			await waitForControl(page);
			const first = await buildOf(page);
			expect(first).not.toBe(NEXT_BUILD);
			// a mark that a reload would wipe
			await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));

			// deploy: copy the next build (new file times, as a deploy writes them: the
			// server answers If-Modified-Since from them) and swap the served folder in
			// one rename
			const deployed = path.join(tmp, 'deployed');
			cpSync(path.join(tmp, 'next'), deployed, { recursive: true });
			const link = path.join(tmp, 'served.new');
			symlinkSync(deployed, link);
			renameSync(link, served);
			await page.evaluate(async () => {
				await (await navigator.serviceWorker.getRegistration())?.update();
			});

			const prompt = page.getByRole('status').filter({ hasText: 'Versi baru tersedia' });
			await prompt.waitFor({ timeout: 20_000 });
			// the new version waits: same page, same build, nothing reloaded
			await page.waitForTimeout(500);
			expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(
				true
			);
			expect(await buildOf(page)).toBe(first);

			await Promise.all([
				page.waitForEvent('load', { timeout: 20_000 }),
				prompt.getByRole('button', { name: 'Muat ulang' }).click()
			]);
			await expect.poll(() => buildOf(page)).toBe(NEXT_BUILD);
			expect(
				await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)
			).toBeUndefined();
			expect(await prompt.count()).toBe(0);
			await page.goto(`${deployServer.url}/pengaturan`);
			await page
				.getByTestId('build-id')
				.filter({ hasText: `Versi: ${NEXT_BUILD}` })
				.waitFor();
			await page.close();
		} finally {
			await deployServer.stop();
		}
	});

	it('raised no page errors', () => {
		expect(pageErrors).toEqual([]);
	});
});
