import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './harness';

// A repeat start on the home page paints the home as it was last shown before any
// of the app's JavaScript runs (src/lib/pwa/home-snapshot.ts, src/app.html), and
// the app takes its place once its own home shows what it read.

const PASSWORD = 'malpro123';
const BUDI_NIP = '198507142010011002';

/** The product names, as text, of the home page kept on the device (none: null). */
function keptNames(page: Page): Promise<string[] | null> {
	return page.evaluate(() => {
		const kept = JSON.parse(localStorage.getItem('malpro.snapshot') ?? 'null') as {
			html: string;
		} | null;
		if (!kept) return null;
		const t = document.createElement('template');
		t.innerHTML = kept.html;
		return [...t.content.querySelectorAll('article.product h3')].map((h) => h.textContent!.trim());
	});
}

/** Waits until the home page the app shows is the one kept, and returns its product names. */
async function homeKept(page: Page): Promise<string[]> {
	const cards = page.locator('#main article.product h3');
	await cards.first().waitFor({ timeout: 30_000 });
	for (let i = 0; i < 100; i++) {
		const shown = (await cards.allTextContents()).map((n) => n.trim());
		const kept = await keptNames(page);
		if (kept && shown.length > 0 && JSON.stringify(kept) === JSON.stringify(shown)) return shown;
		await page.waitForTimeout(200);
	}
	throw new Error('the home page shown was never kept');
}

/** Holds every request for the app's JavaScript until `release` (the app cannot start). */
async function holdAppScripts(context: BrowserContext): Promise<() => Promise<void>> {
	const held: Route[] = [];
	let holding = true;
	await context.route('**/_app/immutable/**/*.js', (route) =>
		holding ? void held.push(route) : route.continue()
	);
	return async () => {
		holding = false;
		await Promise.all(held.splice(0).map((r) => r.continue()));
	};
}

describe('the home page kept for the next start', () => {
	const env = serverAndBrowser();

	it('is painted before the app runs, hidden from assistive technology, then replaced by the app', async () => {
		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${env.server.url}/`);
		const names = await homeKept(page);
		expect(names.length).toBeGreaterThan(0);

		const release = await holdAppScripts(context);
		const again = await context.newPage();
		again.on('pageerror', (e) => errors.push(e.message));
		await again.goto(`${env.server.url}/`, { waitUntil: 'domcontentloaded' });
		// the app has not started: only the first paint is there, and it is the last home
		expect(await again.locator('.app-box > header').count()).toBe(0);
		const snapshotCards = again.locator('#app-shell .shell-snapshot article.product h3');
		expect((await snapshotCards.allTextContents()).map((n) => n.trim())).toEqual(names);
		expect(await snapshotCards.first().isVisible()).toBe(true);
		const shell = again.locator('#app-shell');
		expect(await shell.getAttribute('aria-hidden')).toBe('true');
		expect(await shell.getAttribute('inert')).not.toBeNull();
		// no live parts (statuses, the catalog's figures) and no ids or handlers in it
		expect(
			await again.locator('.shell-snapshot [role="status"], .shell-snapshot [id]').count()
		).toBe(0);
		expect(await again.locator('#app-shell .catalog-status').count()).toBe(0);
		// nor Svelte's anchors (comments)
		expect(
			await again.evaluate(() => {
				const view = document.querySelector('#app-shell .shell-snapshot');
				if (!view) return -1;
				const walker = document.createTreeWalker(view, NodeFilter.SHOW_COMMENT);
				let n = 0;
				while (walker.nextNode()) n++;
				return n;
			})
		).toBe(0);
		expect(await again.getByRole('heading', { name: 'Produk pilihan' }).count()).toBe(0);

		// the app starts; the picture goes once the app's home shows its own cards
		await release();
		await again.locator('#main article.product').first().waitFor({ timeout: 30_000 });
		await again.locator('#app-shell').waitFor({ state: 'detached', timeout: 10_000 });
		const visible = again.locator('article.product:visible h3');
		expect((await visible.allTextContents()).map((n) => n.trim())).toEqual(names);
		expect(await again.locator('[id="main"]').count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is not shown in another language, and is forgotten at sign-out', async () => {
		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${env.server.url}/masuk`);
		await page.getByRole('radio', { name: 'ASN (pembeli)' }).check();
		await page.getByLabel('NIP', { exact: true }).fill(BUDI_NIP);
		await page.getByLabel('Kata sandi').fill(PASSWORD);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await page.getByRole('button', { name: 'Keluar' }).waitFor();
		await page.goto(`${env.server.url}/`);
		const greeting = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
		expect(greeting).toContain('Budi');
		await homeKept(page);
		const kept = await page.evaluate(() => localStorage.getItem('malpro.snapshot'));
		expect(kept).toContain(greeting);

		// drawn in Indonesian: a start in English paints the generic first paint
		await page.evaluate(() => localStorage.setItem('malpro.locale', 'en'));
		const release = await holdAppScripts(context);
		const english = await context.newPage();
		await english.goto(`${env.server.url}/`, { waitUntil: 'domcontentloaded' });
		expect(await english.locator('.shell-snapshot').count()).toBe(0);
		expect(await english.locator('#app-shell .shell-top').isVisible()).toBe(true);
		await release();
		await english.close();
		await page.evaluate(() => localStorage.setItem('malpro.locale', 'id'));

		// a shared phone: the next person must not see Budi's home (signing out
		// from another page: the home is not there to be kept again)
		await page.goto(`${env.server.url}/pesanan`);
		await page.getByRole('button', { name: 'Keluar' }).click();
		await page.waitForURL(`${env.server.url}/masuk`);
		await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
		expect(await page.evaluate(() => localStorage.getItem('malpro.snapshot'))).toBeNull();
		// the next start of the home, signed out, keeps the visitor's home
		await page.goto(`${env.server.url}/`);
		await homeKept(page);
		const visitor = await page.evaluate(() => localStorage.getItem('malpro.snapshot'));
		expect(visitor).not.toContain('Budi');
		expect(visitor).toContain('/masuk');
		await context.close();
	});
});
