// The app has no server: this hook matters only when the build writes the SPA's page
// (adapter-static's fallback, index.html). It writes into that page, for every page
// route, the files the route needs and what its first screen asks of the server
// (src/lib/startup/route-modules.ts), so that a first visit asks for them all while
// the first paint is parsed (src/app.html). Under `vite dev` it writes no list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { categoryProductsPath } from '$lib/api/category-records';
import { firstScreenPath } from '$lib/api/first-screen';
import { LIST_PAGE_SIZE } from '$lib/domain/browse';
import { productRecordsPath } from '$lib/api/product-records';
import { stallRecordsPath } from '$lib/api/stall-records';
import { earlyList, type Manifest, type PageRoute } from '$lib/startup/route-modules';

const ROUTES = 'src/routes';
const PLACEHOLDER = '%malpro.early%';

/**
 * What a first visit's first screen asks of the server, by route (`$1`: the route's
 * parameter): the same requests the pages make (src/lib/api/early-request.ts).
 */
const ASKS: Record<string, string> = {
	'/': firstScreenPath(),
	'/produk/[id]': productRecordsPath('$1'),
	'/toko/[id]': stallRecordsPath('$1'),
	// a plain link: no kecamatan, by name, the page's first page of cards
	'/kategori/[id]': categoryProductsPath('$1', { sort: 'name', perPage: LIST_PAGE_SIZE })
};

/** Every page route of src/routes with its layouts' and page's source files (the root layout is Kit's own list). */
function pageRoutes(): PageRoute[] {
	const routes: PageRoute[] = [];
	const visit = (dir: string, layouts: string[]) => {
		const names = new Set(readdirSync(dir));
		const here = (file: string) => path.posix.join(dir, file);
		const layout = ['+layout.svelte', '+layout.ts'].find((f) => names.has(f));
		const chain = dir !== ROUTES && layout ? [...layouts, here(layout)] : layouts;
		const page = ['+page.svelte', '+page.ts'].find((f) => names.has(f));
		if (page) {
			const id = '/' + path.posix.relative(ROUTES, dir);
			routes.push({ id, components: [...chain, here(page)], ask: ASKS[id] });
		}
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) visit(here(entry.name), chain);
		}
	};
	visit(ROUTES, []);
	return routes;
}

/** The early list as JSON, or `null` outside a build (`vite dev` serves no built files). */
function earlyListJson(): string {
	if (!building) return 'null';
	const kitOut = process.env.MALPRO_KIT_OUT ?? '.svelte-kit';
	const manifestPath = path.join(kitOut, 'output', 'client', '.vite', 'manifest.json');
	if (!existsSync(manifestPath)) return 'null';
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
	// Kit's node modules, keyed as the manifest keys them (paths from the project root)
	const sources = Object.fromEntries(
		Object.keys(manifest)
			.filter((key) => /generated\/client-optimized\/nodes\/\d+\.js$/.test(key))
			.map((key) => [key, readFileSync(path.resolve(key), 'utf8')])
	);
	return JSON.stringify(earlyList(manifest, sources, pageRoutes()));
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.includes(PLACEHOLDER) ? html.replace(PLACEHOLDER, earlyListJson()) : html
	});
