// Which files a route's page needs before it can run, read from the client build's
// Vite manifest (`.svelte-kit/output/client/.vite/manifest.json`): its nodes' files
// (its layouts' and its page's) and every file those import statically, and their
// stylesheets. The SPA's page asks for them all at once on a first visit
// (src/hooks.server.ts, src/app.html) instead of discovering them one import level
// at a time.

/** One chunk of Vite's build manifest (the fields read here). */
export type ManifestChunk = {
	file: string;
	src?: string;
	imports?: string[];
	css?: string[];
};

export type Manifest = Record<string, ManifestChunk>;

export type RouteModules = {
	/** absolute URLs of the JavaScript files, the node's own first */
	js: string[];
	/** absolute URLs of their stylesheets */
	css: string[];
};

/**
 * The files of the chunk at `key` and everything it imports statically (dynamic
 * imports are left out: they load later, if ever).
 */
export function routeModules(manifest: Manifest, key: string): RouteModules {
	const js: string[] = [];
	const css = new Set<string>();
	const seen = new Set<string>();
	const visit = (k: string) => {
		if (seen.has(k)) return;
		seen.add(k);
		const chunk = manifest[k];
		if (!chunk) throw new Error(`the build manifest has no chunk ${k}`);
		js.push(`/${chunk.file}`);
		for (const file of chunk.css ?? []) css.add(`/${file}`);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	visit(key);
	return { js, css: [...css] };
}

/**
 * The manifest key of the client node whose page component is `component` (Kit
 * writes one small module per node, `nodes/N.js`, that re-exports the component;
 * `nodeSources` maps each node module's key to its source text).
 */
export function nodeKeyOf(nodeSources: Record<string, string>, component: string): string {
	// a relative or absolute path ending in /<component>
	const quoted = new RegExp(`["'][^"']*/${component.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`);
	const keys = Object.keys(nodeSources).filter((k) => quoted.test(nodeSources[k] ?? ''));
	if (keys.length !== 1) {
		throw new Error(`${keys.length} client nodes render ${component}, expected one`);
	}
	return keys[0] as string;
}

/**
 * The pattern Kit matches a page route's id by, e.g. `/produk/[id]` →
 * `^/produk/([^/]+)/?$` (each parameter a group, in order). Only what the app's
 * routes use: plain segments and `[param]`; anything else is refused.
 */
export function routePattern(routeId: string): string {
	if (routeId === '/') return '^/$';
	const segments = routeId.split('/').slice(1);
	const parts = segments.map((segment) => {
		if (/^\[[a-z_]\w*\]$/i.test(segment)) return '([^/]+)';
		if (/^[\w-]+$/.test(segment)) return segment;
		throw new Error(`route ${routeId}: segment ${segment} is not a plain name or [param]`);
	});
	return `^/${parts.join('/')}/?$`;
}

/** A page route: its id, and the source files of its nodes, outer layouts first. */
export type PageRoute = { id: string; components: string[]; ask?: string };

/** One route of the early list: its pattern, its files (indices into `files`), what the first paint asks of the server. */
export type EarlyRoute = { re: string; js: number[]; css: number[]; ask?: string };

/** What the first paint reads to ask for a first page's files at once (src/app.html). */
export type EarlyList = { files: string[]; routes: EarlyRoute[] };

/**
 * Every route's files, each file written once: a route lists indices into
 * `files`. Routes without parameters come first (Kit prefers them too).
 */
export function earlyList(
	manifest: Manifest,
	nodeSources: Record<string, string>,
	routes: PageRoute[]
): EarlyList {
	const files: string[] = [];
	const index = new Map<string, number>();
	const at = (file: string) => {
		let i = index.get(file);
		if (i === undefined) {
			i = files.push(file) - 1;
			index.set(file, i);
		}
		return i;
	};
	const dynamic = (r: PageRoute) => (r.id.includes('[') ? 1 : 0);
	const ordered = [...routes].sort((a, b) => dynamic(a) - dynamic(b) || a.id.localeCompare(b.id));
	return {
		files,
		routes: ordered.map((route) => {
			const js = new Set<number>();
			const css = new Set<number>();
			for (const component of route.components) {
				const modules = routeModules(manifest, nodeKeyOf(nodeSources, component));
				for (const file of modules.js) js.add(at(file));
				for (const file of modules.css) css.add(at(file));
			}
			return {
				re: routePattern(route.id),
				js: [...js],
				css: [...css],
				...(route.ask ? { ask: route.ask } : {})
			};
		})
	};
}
