import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: real PocketBase binaries and a real Chromium, one file at a time
// (two cores), with timeouts sized for starting servers.
export default defineConfig({
	// node tests of the app's own sync code (catalog-pull.test.ts) import it as the app does
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
