import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Chaos tests: the real PocketBase binary behind a misbehaving proxy, killed
// and restarted while simulated devices sync. One file at a time (two cores).
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/chaos/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 120_000
	}
});
