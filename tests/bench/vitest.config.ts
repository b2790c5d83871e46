import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks (`npm run bench`, never part of `npm test`): they print figures
// against a baseline measured in the same run and assert nothing about speed.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/bench/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 600_000,
		hookTimeout: 120_000
	}
});
