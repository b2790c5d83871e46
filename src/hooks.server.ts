// The app has no server: this hook matters only when the build writes the SPA's page
// (adapter-static's fallback, index.html). It writes into that page the files the
// home page needs (src/lib/build/route-modules.ts), so that a first visit asks for
// them all while the first paint is parsed (src/app.html). Under `vite dev` it
// writes no list.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { nodeKeyOf, routeModules, type Manifest } from '$lib/build/route-modules';

const HOME_COMPONENT = 'src/routes/+page.svelte';
const PLACEHOLDER = '%malpro.home.modules%';

/** The home page's files as JSON, or `null` outside a build (`vite dev` serves no built files). */
function homeModulesJson(): string {
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
	return JSON.stringify(routeModules(manifest, nodeKeyOf(sources, HOME_COMPONENT)));
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.includes(PLACEHOLDER) ? html.replace(PLACEHOLDER, homeModulesJson()) : html
	});
