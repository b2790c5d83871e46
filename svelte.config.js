import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app served by PocketBase from pocketbase/pb_public; every page
		// route falls back to index.html (the Go server answers 404 for missing assets).
		adapter: adapter({
			pages: 'pocketbase/pb_public',
			assets: 'pocketbase/pb_public',
			fallback: 'index.html',
			strict: true
		}),
		// absolute /_app/ URLs: relative ones break deep links opened offline
		paths: { relative: false },
		alias: {
			$domain: 'src/lib/domain'
		}
	}
};

export default config;
