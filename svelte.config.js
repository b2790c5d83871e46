import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A test can build a second version of the app elsewhere (tests/e2e/pwa.test.ts builds
// the "next deploy" into a temporary folder) without touching the normal build.
const appOut = process.env.MALPRO_APP_OUT ?? 'pocketbase/pb_public';
const kitOut = process.env.MALPRO_KIT_OUT ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app served by PocketBase from pocketbase/pb_public; every page
		// route falls back to index.html (the Go server answers 404 for missing assets).
		adapter: adapter({
			pages: appOut,
			assets: appOut,
			fallback: 'index.html',
			strict: true,
			precompress: true
		}),
		outDir: kitOut,
		// absolute /_app/ URLs: relative ones break deep links opened offline
		paths: { relative: false },
		// src/service-worker.ts is built by Kit, its precache list injected by
		// @vite-pwa/sveltekit (vite.config.ts); src/lib/pwa registers it with
		// workbox-window in production builds only, so it never takes over by itself.
		serviceWorker: { register: false },
		alias: {
			$domain: 'src/lib/domain'
		}
	}
};

export default config;
