// Which files a route's page needs before it can run, read from the client build's
// Vite manifest (`.svelte-kit/output/client/.vite/manifest.json`): its node's file
// and every file that one imports statically, and their stylesheets. The SPA's page
// asks for them all at once on a first visit (src/hooks.server.ts, src/app.html)
// instead of discovering them one import level at a time.

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
	const quoted = new RegExp(`["'][^"']*/${component.replace(/[.+]/g, '\\$&')}["']`);
	const keys = Object.keys(nodeSources).filter((k) => quoted.test(nodeSources[k] ?? ''));
	if (keys.length !== 1) {
		throw new Error(`${keys.length} client nodes render ${component}, expected one`);
	}
	return keys[0] as string;
}
