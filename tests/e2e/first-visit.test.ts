import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './harness';

// A first visit (src/lib/state/startup.svelte.ts): the home page paints products
// read straight from the server before the device's database exists, then opens
// it and downloads the catalog; a second visit reads the catalog first.

type Row = Record<string, unknown> & { id: string; name: string };
/** A page of the records API. */
type Listed<R = Row> = { items: R[]; totalItems: number };

/** Notes, in the page, whether the app's database existed when the first card appeared. */
const cardProbe = `(() => {
	const seen = () => {
		if (window.__card || !document.querySelector('main article.product')) return false;
		window.__card = { at: performance.now() };
		indexedDB.databases().then((dbs) => {
			window.__card.dbExisted = dbs.some((d) => d.name === 'malpro');
		});
		window.__card.names = [...document.querySelectorAll('main article.product h3')].map((h) => h.textContent.trim());
		window.__card.scripts = performance.getEntriesByType('resource')
			.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js')).map((r) => r.name);
		return true;
	};
	new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); })
		.observe(document, { childList: true, subtree: true });
})();`;

type CardSeen = { at: number; dbExisted?: boolean; names: string[]; scripts: string[] };

/** Records what the page's own fetch asks for (a worker's fetch is not the window's). */
const fetchProbe = `(() => {
	window.__fetched = [];
	const pageFetch = window.fetch;
	window.fetch = function (input, init) {
		window.__fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
		return pageFetch.call(this, input, init);
	};
})();`;

/** Rows in a store of the app's database, read with plain IndexedDB in the page. */
const countRows = (store: string) => `new Promise((resolve, reject) => {
	const req = indexedDB.open('malpro');
	req.onerror = () => reject(req.error);
	req.onsuccess = () => {
		const idb = req.result;
		const count = idb.transaction('${store}').objectStore('${store}').count();
		count.onsuccess = () => { idb.close(); resolve(count.result); };
		count.onerror = () => reject(count.error);
	};
})`;

/**
 * Products in the app's database, 0 if there is none yet: without creating it (an
 * `indexedDB.open` of a missing database would, and a connection left open would
 * block the app's own upgrade).
 */
const storedProducts = `(async () => {
	if (!(await indexedDB.databases()).some((d) => d.name === 'malpro')) return 0;
	const idb = await new Promise((resolve, reject) => {
		const req = indexedDB.open('malpro');
		req.onerror = () => reject(req.error);
		req.onsuccess = () => resolve(req.result);
	});
	try {
		if (!idb.objectStoreNames.contains('products')) return 0;
		return await new Promise((resolve, reject) => {
			const count = idb.transaction('products').objectStore('products').count();
			count.onsuccess = () => resolve(count.result);
			count.onerror = () => reject(count.error);
		});
	} finally {
		idb.close();
	}
})()`;

/**
 * What the build wrote into the first paint for the route of `pathname` (src/hooks.server.ts):
 * its files, and what its first screen asks of the server.
 */
async function routeFiles(
	page: Page,
	pathname: string
): Promise<{ js: string[]; css: string[]; ask?: string } | null> {
	return page.evaluate((pathname) => {
		type Early = {
			files: string[];
			routes: { re: string; js: number[]; css: number[]; ask?: string }[];
		};
		const list = JSON.parse(
			document.getElementById('early-list')?.textContent ?? 'null'
		) as Early | null;
		const route = list?.routes.find((r) => new RegExp(r.re).test(pathname));
		if (!list || !route) return null;
		return {
			js: route.js.map((i) => list.files[i] ?? ''),
			css: route.css.map((i) => list.files[i] ?? ''),
			ask: route.ask
		};
	}, pathname);
}

/**
 * The font faces (family, weight, size) of what is laid out under `root`: its text,
 * and its form controls (a field's placeholder is written in the field's font).
 */
const fontFacesUnder = (root: string) => `(() => {
	const faces = new Set();
	const add = (el) => {
		const style = getComputedStyle(el);
		faces.add([style.fontFamily, style.fontWeight, style.fontSize, style.fontStyle].join(' / '));
	};
	const top = document.querySelector(${JSON.stringify(root)});
	const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const el = node.parentElement;
		if (node.textContent.trim() && el && el.getClientRects().length) add(el);
	}
	for (const el of top.querySelectorAll('input, select, button, textarea')) {
		if (el.getClientRects().length) add(el);
	}
	return [...faces].sort();
})()`;

/**
 * A first visit whose catalog cannot arrive: the catalog's list requests fail (page and
 * worker alike); one record, or a page's own expanded list (a category's first page:
 * the pull never expands), still comes. Counts what the page asks for, by path.
 */
async function withoutCatalog(browser: Browser) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const catalogLists = (url: URL) =>
		/^\/api\/collections\/(categories|stalls|products|opds|tombstones)\/records$/.test(
			url.pathname
		) && !url.searchParams.has('expand');
	await context.route(catalogLists, (route) => route.abort());
	const page = await context.newPage();
	const asked = new Map<string, number>();
	page.on('request', (r) => {
		const p = new URL(r.url()).pathname;
		asked.set(p, (asked.get(p) ?? 0) + 1);
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, asked, errors, catalogLists };
}

describe('a first visit', () => {
	const env = serverAndBrowser();
	/** What a visitor (signed out) reads of the server's API, as JSON of type T. */
	const guestJson = async <T>(path: string): Promise<T> =>
		(await (await fetch(`${env.server.url}${path}`)).json()) as T;

	it('shows products from the server before the database exists, then stores the catalog', async () => {
		const res = await fetch(
			`${env.server.url}/api/collections/products/records?perPage=1000&expand=stall&fields=id,name,stock,active,expand.stall.is_open`
		);
		const products = ((await res.json()) as { items: Row[] }).items;
		const pickable = new Set(
			products
				.filter((p) => {
					const stall = (p.expand as { stall?: { is_open?: boolean } } | undefined)?.stall;
					return p.active === true && (p.stock as number) > 0 && stall?.is_open === true;
				})
				.map((p) => p.name)
		);

		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		await context.addInitScript(cardProbe);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${env.server.url}/`);
		await page.waitForFunction('window.__card && window.__card.dbExisted !== undefined');
		const seen = (await page.evaluate('window.__card')) as CardSeen;

		expect(seen.dbExisted).toBe(false);
		expect(seen.names.length).toBeGreaterThan(0);
		for (const name of seen.names) expect(pickable, name).toContain(name);
		// no Dexie before the card: the database code is not among the scripts fetched
		const bodies = await Promise.all(seen.scripts.map((url) => fetch(url).then((r) => r.text())));
		expect(bodies.some((js) => js.includes('Dexie'))).toBe(false);
		// each carries V8's compile hint (scripts/lib/compile-hints.mjs): compiled as it
		// downloads, off the page's thread
		expect(bodies.length).toBeGreaterThan(0);
		for (const [i, js] of bodies.entries()) {
			expect(js.startsWith('//# allFunctionsCalledOnLoad\n'), seen.scripts[i]).toBe(true);
		}

		// then the database opens and the whole catalog arrives
		const status = page.getByRole('region', { name: 'Status katalog' });
		await status
			.getByText(new RegExp(`^${products.length} produk · `))
			.waitFor({ timeout: 60_000 });
		expect(
			await page.evaluate(() =>
				indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'malpro'))
			)
		).toBe(true);
		// the first products stay for this visit of the page (nothing swaps under the finger)
		const names = await page.locator('main article.product h3').allTextContents();
		expect(names.map((n) => n.trim()).slice(0, seen.names.length)).toEqual(seen.names);

		// the next visit starts from the device: the database exists before any card
		const again = await context.newPage();
		await again.goto(`${env.server.url}/`);
		await again.waitForFunction('window.__card && window.__card.dbExisted !== undefined');
		expect(((await again.evaluate('window.__card')) as CardSeen).dbExisted).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('lays out, with its first paint, every font face the home page then shows', async () => {
		for (const viewport of [
			{ width: 412, height: 823 }, // a phone (Lighthouse's)
			{ width: 1280, height: 720 }
		]) {
			// the first paint alone: the app's files never arrive
			const shellOnly = await env.browser.newContext({ serviceWorkers: 'block', viewport });
			await shellOnly.route('**/_app/immutable/**/*.js', (route) => route.abort());
			const first = await shellOnly.newPage();
			await first.goto(`${env.server.url}/`);
			await first.locator('#app-shell-end').waitFor({ state: 'attached' });
			const painted = (await first.evaluate(fontFacesUnder('#app-shell'))) as string[];
			await shellOnly.close();

			// the home page the app then shows: its first screen from the server, its
			// stalls and featured products, and the catalog's status below
			const context = await env.browser.newContext({ serviceWorkers: 'block', viewport });
			const page = await context.newPage();
			await page.goto(`${env.server.url}/`);
			await page.locator('#app-shell').waitFor({ state: 'detached' });
			await page.locator('main article.product').first().waitFor();
			await page.locator('main a.stall-card').first().waitFor();
			await page.getByRole('region', { name: 'Status katalog' }).waitFor();
			const shown = (await page.evaluate(fontFacesUnder('body'))) as string[];
			await context.close();

			expect(shown.length).toBeGreaterThan(5);
			expect(
				shown.filter((face) => !painted.includes(face)),
				`${viewport.width} px wide`
			).toEqual([]);
		}
	});

	it('pulls the catalog in a worker: the page never fetches a product page, nor the worker before its first card', async () => {
		const total = (await guestJson<Listed>('/api/collections/products/records?perPage=1&fields=id'))
			.totalItems;
		expect(total).toBeGreaterThan(100); // more than the first page of a pull

		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		await context.addInitScript(cardProbe);
		await context.addInitScript(fetchProbe);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		// what the browser asked the server for, page and workers alike
		const products: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/api/collections/products/records')) products.push(r.url());
		});
		await page.goto(`${env.server.url}/`);
		const status = page.getByRole('region', { name: 'Status katalog' });
		await status.getByText(new RegExp(`^${total} produk · `)).waitFor({ timeout: 60_000 });

		// the whole catalog is stored, its products read by pages of the pull…
		expect(await page.evaluate(countRows('products'))).toBe(total);
		expect(products.some((u) => u.includes('sort=updated%2Cid'))).toBe(true);
		// …none of them by the page itself (the first screen's few products, read before
		// the database exists, are not a pull's)
		const fetched = (await page.evaluate('window.__fetched')) as string[];
		expect(fetched.some((u) => u.includes('/api/catalog/version'))).toBe(false);
		expect(
			fetched.filter(
				(u) => u.includes('/api/collections/products/records') && u.includes('sort=updated')
			)
		).toEqual([]);

		// the worker's script was fetched, and only after the first product card
		const seen = (await page.evaluate('window.__card')) as CardSeen;
		const workerJs = (await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((r) => r.name.includes('catalog-pull.worker'))
				.map((r) => ({ url: r.name, at: r.startTime }))
		)) as { url: string; at: number }[];
		expect(workerJs.length).toBe(1);
		expect(workerJs[0]?.at).toBeGreaterThan(seen.at);
		expect(seen.scripts.some((url) => url.includes('catalog-pull.worker'))).toBe(false);
		// and an offline start has it: the service worker precaches it
		const precache = await (await fetch(`${env.server.url}/service-worker.js`)).text();
		expect(precache).toContain(new URL(workerJs[0]?.url ?? '').pathname.replace(/^\//, ''));
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows the home page’s categories and stalls from the server while the catalog cannot arrive, and the same once it has', async () => {
		const guest = (path: string) => guestJson<Listed>(path);
		const stallsTotal = (await guest('/api/collections/stalls/records?perPage=1')).totalItems;

		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		// the catalog's download fails (page and worker alike): only the first screen's answer gets through
		const catalogRows = /\/api\/collections\/(categories|stalls|products|opds|tombstones)\/records/;
		await context.route(catalogRows, (route) => route.abort());
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${env.server.url}/`);

		const categories = page.getByRole('region', { name: 'Kategori' }).getByRole('link');
		const stalls = page.getByRole('region', { name: 'Lapak di dekat Anda' }).getByRole('link');
		await stalls.first().waitFor();
		const status = page.getByRole('region', { name: 'Status katalog' });
		await status.getByRole('button', { name: 'Perbarui katalog' }).waitFor();
		expect(await page.evaluate(storedProducts)).toBe(0);
		const tiles = await categories.allTextContents();
		const stallCards = await stalls.allTextContents();
		expect(tiles.length).toBeGreaterThan(1);
		expect(stallCards).toHaveLength(8);
		// each with its count of listed products ("N produk"), as the catalog lists them
		for (const [i, tile] of tiles.entries()) {
			const href = await categories.nth(i).getAttribute('href');
			const id = href?.split('/').pop() ?? '';
			const n = (
				await guest(
					`/api/collections/products/records?perPage=1&filter=${encodeURIComponent(`category="${id}" && active=true`)}`
				)
			).totalItems;
			expect(tile).toContain(`${n} produk`);
		}
		await page.getByRole('button', { name: `Lihat semua ${stallsTotal} lapak` }).waitFor();

		// no picture of this home is kept for the next start while the device holds no
		// catalog (its products are read from the device then)
		expect(await page.evaluate(() => localStorage.getItem('malpro.snapshot'))).toBeNull();

		// once the catalog can arrive, it does, and the home shows the same
		await context.unroute(catalogRows);
		await status.getByRole('button', { name: 'Perbarui katalog' }).click();
		const total = (await guest('/api/collections/products/records?perPage=1')).totalItems;
		await status.getByText(new RegExp(`^${total} produk · `)).waitFor({ timeout: 60_000 });
		expect(await categories.allTextContents()).toEqual(tiles);
		expect(await stalls.allTextContents()).toEqual(stallCards);
		await expect
			.poll(() => page.evaluate(() => localStorage.getItem('malpro.snapshot') !== null))
			.toBe(true);

		// "show all" now lists every stall, read from the device
		await page.getByRole('button', { name: `Lihat semua ${stallsTotal} lapak` }).click();
		await expect.poll(() => stalls.count()).toBe(stallsTotal);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('asks for every file the home needs at once, while the first paint is parsed; a start from the service worker asks for none early', async () => {
		const context = await env.browser.newContext();
		// what the page's head holds when its parsing ends (before the app has run)
		await context.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				(window as unknown as { __early: string[] }).__early = [
					...document.querySelectorAll('head link[rel="modulepreload"], head link[rel="preload"]')
				].map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname);
			});
		});
		const page = await context.newPage();
		const asked = new Map<string, number>();
		page.on('request', (r) => {
			const p = new URL(r.url()).pathname;
			asked.set(p, (asked.get(p) ?? 0) + 1);
		});
		const warnings: string[] = [];
		page.on('console', (m) => {
			if (/preload/i.test(m.text())) warnings.push(m.text());
		});
		await page.goto(`${env.server.url}/`);
		await page.locator('main article.product').first().waitFor();
		const home = await routeFiles(page, '/');
		// the build wrote the home's files into the page (src/hooks.server.ts): its node first
		expect(home?.js[0]).toMatch(/^\/_app\/immutable\/nodes\/\d+\.[\w-]+\.js$/);
		expect(home?.css.length).toBeGreaterThan(0);
		const early = (await page.evaluate('window.__early')) as string[];
		for (const file of [...(home?.js ?? []), ...(home?.css ?? [])]) {
			expect(early, file).toContain(file);
			// asked for once: the imports used what was asked for early
			expect(asked.get(file), file).toBe(1);
		}
		// and the home's first screen, asked for with them (before the home's page module
		// had even arrived), once
		expect(asked.get('/api/catalog/first-screen')).toBe(1);
		const order = await page.evaluate((node) => {
			const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
			return {
				firstScreen: entries.find((r) => r.name.includes('/api/catalog/first-screen'))?.startTime,
				nodeArrived: entries.find((r) => new URL(r.name).pathname === node)?.responseEnd
			};
		}, home?.js[0] ?? '');
		expect(order.firstScreen).toBeLessThan(order.nodeArrived ?? 0);
		// Kit's own start files too
		expect(early.some((f) => /\/entry\/start\.[\w-]+\.js$/.test(f))).toBe(true);
		expect(warnings).toEqual([]);

		// the service worker now answers the next start: nothing is asked for early
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 20_000
		});
		const again = await context.newPage();
		await again.goto(`${env.server.url}/`);
		await again.locator('main article.product').first().waitFor();
		expect(await again.evaluate('window.__early')).toEqual([]);
		await context.close();
	});

	it("shows a shared product's page from the server before the catalog can arrive, its files and the product asked for at once", async () => {
		const guest = (path: string) =>
			guestJson<Listed<Row & { price: number; expand: { stall: Row; category: Row } }>>(path);
		const [product] = (
			await guest(
				'/api/collections/products/records?perPage=1&sort=name&filter=active=true&expand=stall,category'
			)
		).items;
		if (!product) throw new Error('the demo catalog has no active product');

		const { context, page, asked, errors, catalogLists } = await withoutCatalog(env.browser);
		await page.goto(`${env.server.url}/produk/${product.id}`);

		const heading = page.getByRole('heading', { level: 1, name: product.name });
		await heading.waitFor();
		const main = page.getByRole('main');
		await main.getByRole('link', { name: new RegExp(product.expand.stall.name) }).waitFor();
		await main.getByRole('link', { name: product.expand.category.name }).waitFor();
		expect(await main.textContent()).toContain(`Rp${product.price.toLocaleString('id-ID')}`);
		expect(await page.evaluate(storedProducts)).toBe(0);

		// the route's files and the product, each asked for once, the product before the
		// page's own module had arrived: the first paint asked for them all
		const files = await routeFiles(page, `/produk/${product.id}`);
		expect(files?.js[0]).toMatch(/^\/_app\/immutable\/nodes\/\d+\.[\w-]+\.js$/);
		for (const file of [...(files?.js ?? []), ...(files?.css ?? [])])
			expect(asked.get(file), file).toBe(1);
		const record = `/api/collections/products/records/${product.id}`;
		expect(asked.get(record)).toBe(1);
		const order = await page.evaluate(
			({ node, record }) => {
				const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
				return {
					record: entries.find((r) => new URL(r.name).pathname === record)?.startTime,
					nodeArrived: entries.find((r) => new URL(r.name).pathname === node)?.responseEnd
				};
			},
			{ node: files?.js[0] ?? '', record }
		);
		expect(order.record).toBeLessThan(order.nodeArrived ?? 0);

		// a link to a product the server does not list says so, without the catalog
		await page.goto(`${env.server.url}/produk/zz${product.id.slice(2)}x`);
		await page.getByRole('heading', { name: 'Produk tidak ditemukan' }).waitFor();

		// once the catalog arrives, the product's page reads the device
		await context.unroute(catalogLists);
		await page.goto(`${env.server.url}/produk/${product.id}`);
		await expect.poll(() => page.evaluate(storedProducts), { timeout: 60_000 }).toBeGreaterThan(0);
		await heading.waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says a search may be incomplete until the catalog has been downloaded whole', async () => {
		const { context, page, errors, catalogLists } = await withoutCatalog(env.browser);
		await page.goto(`${env.server.url}/`);
		await page.locator('main article.product').first().waitFor();
		const incomplete = page.getByText(
			'Katalog belum selesai diunduh ke perangkat ini, jadi hasil pencarian mungkin belum lengkap.'
		);
		const search = page.getByRole('searchbox', { name: 'Cari produk, lapak, atau kategori' });
		await search.fill('kopi');
		await incomplete.waitFor();
		expect(await page.getByRole('status').filter({ hasText: '“kopi”' }).count()).toBe(1);

		// the catalog arrives (the app tries again by itself); once it is all on the
		// device, the same search shows its matches and says nothing more
		const total = (await guestJson<Listed>('/api/collections/products/records?perPage=1&fields=id'))
			.totalItems;
		await context.unroute(catalogLists);
		const status = page.getByRole('region', { name: 'Status katalog' });
		await status.getByText(new RegExp(`^${total} produk · `)).waitFor({ timeout: 60_000 });
		const matches = page.getByRole('status').filter({ hasText: /produk cocok dengan “kopi”/ });
		await expect
			.poll(async () => [await matches.count(), await incomplete.count()], { timeout: 30_000 })
			.toEqual([1, 0]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows the product last opened when the answer for the one before it comes later', async () => {
		const [first, second] = (
			await guestJson<Listed>(
				'/api/collections/products/records?perPage=2&sort=name&filter=active=true'
			)
		).items;
		if (!first || !second) throw new Error('the demo catalog has fewer than two active products');

		const { context, page, errors } = await withoutCatalog(env.browser);
		// the first product's answer comes 2.5 s late; the second's at once
		let firstAsked!: () => void;
		const asked = new Promise<void>((resolve) => (firstAsked = resolve));
		let firstAnswered!: () => void;
		const answered = new Promise<void>((resolve) => (firstAnswered = resolve));
		await context.route(
			(url) => url.pathname === `/api/collections/products/records/${first.id}`,
			async (route) => {
				firstAsked();
				const response = await route.fetch();
				await new Promise((resolve) => setTimeout(resolve, 2500));
				await route.fulfill({ response });
				firstAnswered();
			}
		);
		/** a link followed within the app (a client-side navigation) */
		const follow = (href: string) =>
			page.evaluate((href) => {
				const link = Object.assign(document.createElement('a'), { href });
				document.body.append(link);
				link.click();
				link.remove();
			}, href);

		await page.goto(`${env.server.url}/`);
		await page.locator('#app-shell').waitFor({ state: 'detached' });
		await follow(`/produk/${first.id}`);
		await asked;
		await follow(`/produk/${second.id}`);
		const shown = page.getByRole('heading', { level: 1, name: second.name });
		await shown.waitFor();

		// the late answer is for a page no longer shown: it changes nothing
		await answered;
		await page.waitForTimeout(500);
		expect(await shown.isVisible()).toBe(true);
		expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([second.name]);
		expect(page.url()).toBe(`${env.server.url}/produk/${second.id}`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("shows a shared stall's page, its products with it, from the server before the catalog can arrive", async () => {
		const guest = (path: string) => guestJson<Listed>(path);
		const [stall] = (
			await guest(
				`/api/collections/stalls/records?perPage=1&sort=name&filter=${encodeURIComponent('verification="verified"')}`
			)
		).items;
		if (!stall) throw new Error('the demo catalog has no verified stall');
		const active = (
			await guest(
				`/api/collections/products/records?perPage=1&filter=${encodeURIComponent(`stall="${stall.id}" && active=true`)}`
			)
		).totalItems;
		expect(active).toBeGreaterThan(0);

		const { context, page, asked, errors } = await withoutCatalog(env.browser);
		await page.goto(`${env.server.url}/toko/${stall.id}`);
		await page.getByRole('heading', { level: 1, name: stall.name }).waitFor();
		await expect
			.poll(() => page.locator('main article.product').count())
			.toBe(Math.min(active, 24));
		expect(await page.evaluate(storedProducts)).toBe(0);
		// asked for once, with the app's files
		expect(asked.get(`/api/collections/stalls/records/${stall.id}`)).toBe(1);
		const files = await routeFiles(page, `/toko/${stall.id}`);
		expect(files?.ask).toContain('/api/collections/stalls/records/$1');
		for (const file of files?.js ?? []) expect(asked.get(file), file).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("shows a category's first page from the server before the catalog can arrive, sorted and filtered, then the device's", async () => {
		const guest = (path: string) =>
			guestJson<Listed<Row & { price: number; expand: { stall: Row } }>>(path);
		const [category] = (await guest('/api/collections/categories/records?perPage=1&sort=sort'))
			.items;
		if (!category) throw new Error('the demo catalog has no category');
		const listed = (more = '') =>
			guest(
				`/api/collections/products/records?perPage=500&expand=stall&filter=${encodeURIComponent(
					`category="${category.id}" && active=true && stall.verification="verified"${more}`
				)}`
			);
		const all = await listed();
		expect(all.totalItems).toBeGreaterThan(0);

		const { context, page, asked, errors, catalogLists } = await withoutCatalog(env.browser);
		await page.goto(`${env.server.url}/kategori/${category.id}`);
		await page.getByRole('heading', { level: 1, name: category.name }).waitFor();
		const main = page.getByRole('main');
		await main
			.getByRole('status')
			.filter({ hasText: `${all.totalItems} produk` })
			.waitFor();
		const cards = main.locator('article.product');
		await expect.poll(() => cards.count()).toBe(Math.min(all.totalItems, 24));
		// by name, as the device sorts them
		const names = await cards.locator('h3').allTextContents();
		const byName = [...all.items]
			.sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base', numeric: true }))
			.slice(0, 24)
			.map((p) => p.name);
		expect(names.map((n) => n.trim())).toEqual(byName);
		if (all.totalItems > 24) {
			await main.getByText(`Menampilkan 24 dari ${all.totalItems} produk`).waitFor();
		}
		expect(await page.evaluate(storedProducts)).toBe(0);
		// the list was asked for once, by the first paint (its early request is this link's)
		const files = await routeFiles(page, `/kategori/${category.id}`);
		expect(files?.ask).toContain('$1');
		expect(asked.get('/api/collections/products/records')).toBe(1);

		// cheapest first in one kecamatan: the server's read follows the filter
		const kecamatan = String(all.items[0]?.expand.stall.kecamatan);
		const inKecamatan = await listed(` && stall.kecamatan="${kecamatan}"`);
		await page.goto(
			`${env.server.url}/kategori/${category.id}?kecamatan=${kecamatan}&urut=termurah`
		);
		await main
			.getByRole('status')
			.filter({ hasText: `${inKecamatan.totalItems} produk` })
			.waitFor();
		const cheapest = Math.min(...inKecamatan.items.map((p) => p.price));
		await expect
			.poll(async () => (await cards.first().textContent()) ?? '')
			.toContain(`Rp${cheapest.toLocaleString('id-ID')}`);

		// a link to a category the server does not list says so, without the catalog
		await page.goto(`${env.server.url}/kategori/zz${category.id.slice(2)}x`);
		await page.getByRole('heading', { name: 'Kategori tidak ditemukan' }).waitFor();

		// once the catalog is in, the page reads the device: every card, no note
		await context.unroute(catalogLists);
		await page.goto(`${env.server.url}/kategori/${category.id}`);
		await expect.poll(() => page.evaluate(storedProducts), { timeout: 60_000 }).toBeGreaterThan(0);
		await main
			.getByRole('status')
			.filter({ hasText: `${all.totalItems} produk` })
			.waitFor();
		await expect.poll(() => main.getByText(/^Menampilkan \d+ dari/).count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("shows as a category's first page from the server the products the device lists first: numbers by value, case aside", async () => {
		const [category] = (
			await guestJson<Listed>('/api/collections/categories/records?perPage=1&sort=sort')
		).items;
		if (!category) throw new Error('the demo catalog has no category');
		const [sample] = (
			await guestJson<Listed<Row & { stall: string }>>(
				`/api/collections/products/records?perPage=1&filter=${encodeURIComponent(
					`category="${category.id}" && active=true && stall.verification="verified"`
				)}`
			)
		).items;
		if (!sample) throw new Error('the demo category lists no product');
		const token = await env.server.demoSuperuserToken();
		const asCity = (method: string, path: string, body?: unknown) =>
			fetch(`${env.server.url}${path}`, {
				method,
				headers: { 'content-type': 'application/json', authorization: token },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		// SQLite's own order of names puts every capital before "a" and "10" before "2":
		// a page sorted by it would hold "Aaa Paket 10" first and not "aaa paket 2" at all
		const added: string[] = [];
		for (const name of ['Aaa Paket 10', 'aaa paket 2']) {
			const res = await asCity('POST', '/api/collections/products/records', {
				stall: sample.stall,
				category: category.id,
				name,
				unit: 'pack',
				price: 10000,
				stock: 5,
				active: true
			});
			expect(res.status).toBe(200);
			added.push(((await res.json()) as Row).id);
		}
		try {
			const { context, page, errors } = await withoutCatalog(env.browser);
			await page.goto(`${env.server.url}/kategori/${category.id}`);
			const cards = page.getByRole('main').locator('article.product h3');
			await expect.poll(() => cards.count()).toBe(24);
			const names = (await cards.allTextContents()).map((n) => n.trim());
			expect(names.slice(0, 2)).toEqual(['aaa paket 2', 'Aaa Paket 10']);
			expect(await page.evaluate(storedProducts)).toBe(0);
			expect(errors).toEqual([]);
			await context.close();
		} finally {
			for (const id of added) await asCity('DELETE', `/api/collections/products/records/${id}`);
		}
	});

	it("keeps a category's cards and filters while the server answers a new filter", async () => {
		const [category] = (
			await guestJson<Listed>('/api/collections/categories/records?perPage=1&sort=sort')
		).items;
		if (!category) throw new Error('the demo catalog has no category');
		const cheapest = await guestJson<Listed<{ price: number }>>(
			`/api/collections/products/records?perPage=1&sort=price&filter=${encodeURIComponent(
				`category="${category.id}" && active=true && stall.verification="verified"`
			)}`
		);
		const { context, page, errors } = await withoutCatalog(env.browser);
		// "cheapest first" takes the server 2.5 s
		await page.route(
			(url) =>
				url.pathname === '/api/collections/products/records' &&
				url.searchParams.get('sort') === 'price,sort_name,id',
			async (route) => {
				await new Promise((resolve) => setTimeout(resolve, 2500));
				await route.continue();
			}
		);
		await page.goto(`${env.server.url}/kategori/${category.id}`);
		const cards = page.getByRole('main').locator('article.product');
		await cards.first().waitFor();
		const shownBefore = await cards.count();
		const sort = page.getByLabel('Urutkan');
		const asked = page.waitForRequest((r) => r.url().includes('sort=price%2Csort_name%2Cid'));
		await sort.selectOption({ label: 'Termurah' });
		await asked;
		await page.waitForTimeout(1000);
		// meanwhile the last answer stays, under the new choice
		expect(await cards.count()).toBe(shownBefore);
		expect(await sort.inputValue()).toBe('price_asc');
		await expect
			.poll(async () => (await cards.first().textContent()) ?? '', { timeout: 10_000 })
			.toContain(`Rp${cheapest.items[0]?.price.toLocaleString('id-ID')}`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('pulls the catalog again by itself after a download failed while online (a dropped connection)', async () => {
		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		// the catalog download's first request fails (page and worker alike); every later one works
		const catalogLists =
			/\/api\/collections\/(categories|stalls|products|opds|tombstones)\/records(\?|$)/;
		let failed = 0;
		await context.route(catalogLists, (route) => {
			if (failed === 0) {
				failed++;
				return route.abort('connectionreset');
			}
			return route.continue();
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${env.server.url}/`);
		await page.locator('main article.product').first().waitFor();
		// nobody presses "Perbarui katalog": the next try comes by itself, a few seconds later
		await expect.poll(() => page.evaluate(storedProducts), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(failed).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('loads the page again, once, by itself when a file of its start did not arrive', async () => {
		// the home page's own module, from the list the build wrote into the first paint
		const html = await (await fetch(`${env.server.url}/`)).text();
		const list = JSON.parse(
			/<script type="application\/json" id="early-list">([\s\S]*?)<\/script>/.exec(html)?.[1] ??
				'null'
		) as { files: string[]; routes: { re: string; js: number[] }[] } | null;
		const homeNode = list?.files[list.routes.find((r) => r.re === '^/$')?.js[0] ?? -1];
		expect(homeNode).toMatch(/^\/_app\/immutable\/nodes\//);

		const context = await env.browser.newContext({ serviceWorkers: 'block' });
		// it does not arrive for the first load of the page (a connection dropped on weak
		// mobile data: its early request and the import's own are cut); it does after
		let loads = 0;
		let cut = 0;
		await context.route(`${env.server.url}/`, async (route) => {
			loads++;
			await route.continue();
		});
		await context.route(`${env.server.url}${homeNode}`, (route) => {
			if (loads > 1) return route.continue();
			cut++;
			return route.abort('connectionreset');
		});
		const page = await context.newPage();
		await page.goto(`${env.server.url}/`);
		await page.locator('main article.product').first().waitFor();
		expect(cut).toBeGreaterThan(0);
		expect(loads).toBe(2);
		// the products came after one load of the page again, not the error page
		expect(
			await page.evaluate(
				() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type
			)
		).toBe('reload');
		expect(await page.getByText('Terjadi kesalahan').count()).toBe(0);
		await context.close();
	});
});
