// `npm run bench`: builds the server when its sources changed, runs the sync
// benchmarks (tests/bench, not part of `npm test`) and prints their figures
// as one table at the end. Figures are ratios to a baseline of the same run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAppBuild, ensureNodeModules, ensureServerBuild } from './lib/ensure.mjs';
import { root } from './lib/paths.mjs';
import { run } from './lib/run.mjs';

await ensureNodeModules();
await ensureServerBuild();
await ensureAppBuild(); // the catalog benchmarks load the built PWA
// Lighthouse 12 (the last for Node 20) only for the benchmark: not a dependency, so
// `npm ci` for the app and the tests stays lean; installed here without saving.
if (!existsSync(path.join(root, 'node_modules', 'lighthouse'))) {
	await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'lighthouse@12.8.2'], {
		cwd: root
	});
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'malpro-bench-'));
const out = path.join(tmp, 'figures.jsonl');
const code = await run('npx', ['vitest', 'run', '--config', 'tests/bench/vitest.config.ts'], {
	cwd: root,
	env: { ...process.env, MALPRO_BENCH_OUT: out }
});

const rows = existsSync(out)
	? readFileSync(out, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l))
	: [];
rmSync(tmp, { recursive: true, force: true });

if (rows.length) {
	const keys = ['benchmark', 'malpro', 'baseline', 'ratio'];
	const head = {
		benchmark: 'benchmark',
		malpro: 'malpro',
		baseline: 'baseline (same run)',
		ratio: 'ratio'
	};
	const all = [head, ...rows];
	const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))]));
	const line = (r) =>
		keys
			.map((k) => r[k].padEnd(width[k]))
			.join('  ')
			.trimEnd();
	console.log(`\n=== benchmarks (${os.cpus().length} cores, Node ${process.version}) ===`);
	console.log(line(head));
	console.log('-'.repeat(line(head).length));
	for (const r of rows) console.log(line(r));
}
process.exit(code);
