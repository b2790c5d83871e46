import { defineConfig } from 'vitest/config';

// Browser tests: real PocketBase binaries and a real Chromium, one file at a time
// (two cores), with timeouts sized for starting servers.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
