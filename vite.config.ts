import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
});
