import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/lib/compile-hints.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// Shown on /pengaturan and in <meta name="malpro-build">: which build this device runs.
// MALPRO_BUILD_ID names a deploy (CI, or the update test's second build).
const buildId =
	process.env.MALPRO_BUILD_ID ??
	`${version}+${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
// where Kit writes its output (svelte.config.js reads the same variable)
const kitOut = path.resolve(process.env.MALPRO_KIT_OUT ?? '.svelte-kit');

export default defineConfig(({ mode }) => ({
	define: {
		__BUILD_ID__: JSON.stringify(buildId)
	},
	plugins: [
		sveltekit(),
		// the start-up code is compiled off the page's thread as it downloads: Kit's
		// entries, and the pages Kit loads at a start of / (the root layout, the
		// root error page, the home page)
		compileHints([
			'src/routes/+layout.svelte',
			'src/routes/+error.svelte',
			'src/routes/+page.svelte'
		]),
		// The service worker is our own src/service-worker.ts (built by Kit); this only
		// injects the precache list: every built /_app/ file, the static icons and
		// manifest, and index.html as "/" (the SPA shell every page route falls back to).
		// (not in unit tests: vitest runs with mode "test")
		mode === 'test'
			? []
			: SvelteKitPWA({
					strategies: 'injectManifest',
					srcDir: 'src',
					filename: 'service-worker.ts',
					// registered by src/lib/pwa/update.svelte.ts through workbox-window
					injectRegister: false,
					registerType: 'prompt',
					// static/manifest.webmanifest is written by hand
					manifest: false,
					outDir: path.join(kitOut, 'output'),
					kit: {
						outDir: kitOut,
						adapterFallback: 'index.html',
						spa: { fallbackMapping: '/' }
					},
					injectManifest: {
						// Kit writes no prerendered pages here (ssr off): only the client output.
						// (An empty modifyURLPrefix keeps the plugin from adding a
						// "prerendered/**" pattern that matches nothing and warns.)
						globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,woff2}'],
						globIgnores: ['server/**', 'client/service-worker.js'],
						modifyURLPrefix: {}
					}
				})
	],
	build: {
		// no <link rel="modulepreload"> per dynamic import: inserting them cost a slow
		// phone's page thread more than the requests they save (the imports' own
		// files are asked for in parallel once a module is read)
		modulePreload: false
	},
	server: {
		// `npm run dev` talks to the PocketBase started by `npm start` (or PB_URL)
		proxy: {
			'/api': process.env.PB_URL ?? 'http://127.0.0.1:8090'
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
}));
