// `npm test`: installs what tests need, then runs every test group and prints
// `N passed, N failed` per runner. `npm test -- unit go` runs only those groups.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ensureAppBuild,
	ensureChromium,
	ensureNodeModules,
	ensureServerBuild
} from './lib/ensure.mjs';
import { root, serverDir } from './lib/paths.mjs';
import { goEnv, run, seconds } from './lib/run.mjs';

const groups = {
	lint: { needs: [], run: runLint },
	unit: { needs: [], run: () => runVitest('unit', []) },
	go: { needs: [], run: runGo },
	e2e: {
		needs: ['server', 'app', 'chromium'],
		run: () => runVitest('e2e', ['--config', 'tests/e2e/vitest.config.ts'])
	},
	chaos: {
		needs: ['server'],
		run: () => runVitest('chaos', ['--config', 'tests/chaos/vitest.config.ts'])
	}
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const g of asked) {
	if (!(g in groups)) {
		console.error(`unknown test group "${g}"; groups: ${Object.keys(groups).join(', ')}`);
		process.exit(2);
	}
}
const selected = asked.length ? asked : Object.keys(groups);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'malpro-test-'));
const timings = [];

async function timed(label, fn) {
	const t0 = performance.now();
	const result = await fn();
	timings.push([label, performance.now() - t0]);
	return result;
}

await timed('npm packages', ensureNodeModules);
const needs = new Set(selected.flatMap((g) => groups[g].needs));
if (needs.has('server')) await timed('server build', ensureServerBuild);
if (needs.has('app')) await timed('app build', ensureAppBuild);
if (needs.has('chromium')) await timed('chromium', ensureChromium);

const results = [];
for (const name of selected) {
	console.log(`\n=== ${name} ===`);
	const r = await timed(name, () => groups[name].run());
	results.push({ name, ...r });
}
rmSync(tmp, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const [label, ms] of timings) console.log(`time ${label.padEnd(14)} ${seconds(ms)}`);
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
const failed = results.some((r) => r.failed > 0 || r.passed === 0);
process.exit(failed ? 1 : 0);

// --- runners ---------------------------------------------------------------

async function runVitest(name, extra) {
	const report = path.join(tmp, `${name}.json`);
	const code = await run(
		'npx',
		[
			'vitest',
			'run',
			...extra,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${report}`
		],
		{ cwd: root }
	);
	try {
		const json = JSON.parse(readFileSync(report, 'utf8'));
		// a suite that failed to load has no failed test: count it as one failure
		const broken = json.testResults.filter(
			(f) => f.status === 'failed' && f.assertionResults.length === 0
		).length;
		return {
			passed: json.numPassedTests,
			failed:
				json.numFailedTests + broken + (code !== 0 && json.numFailedTests + broken === 0 ? 1 : 0)
		};
	} catch {
		return { passed: 0, failed: 1 };
	}
}

function runGo() {
	return new Promise((resolve) => {
		const child = spawn('go', ['test', '-json', './...'], { cwd: serverDir, env: goEnv });
		let passed = 0;
		let failed = 0;
		const output = new Map(); // "pkg test" → lines, printed only for failures
		let buffer = '';
		child.stderr.pipe(process.stderr);
		child.stdout.on('data', (chunk) => {
			buffer += chunk;
			let nl;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const line = buffer.slice(0, nl);
				buffer = buffer.slice(nl + 1);
				let ev;
				try {
					ev = JSON.parse(line);
				} catch {
					console.log(line);
					continue;
				}
				const key = `${ev.Package} ${ev.Test ?? ''}`;
				if (ev.Action === 'output') {
					const lines = output.get(key) ?? [];
					lines.push(ev.Output);
					output.set(key, lines);
				} else if (ev.Action === 'pass' && ev.Test) {
					passed++;
				} else if (ev.Action === 'fail' && ev.Test) {
					failed++;
					process.stdout.write((output.get(key) ?? []).join(''));
				} else if (
					(ev.Action === 'pass' || ev.Action === 'fail' || ev.Action === 'skip') &&
					!ev.Test
				) {
					if (ev.Action === 'fail') {
						process.stdout.write((output.get(key) ?? []).join(''));
						if (![...output.keys()].some((k) => k.startsWith(ev.Package + ' ') && k !== key)) {
							failed++; // the package did not build
						}
					}
					const pkgOut = (output.get(key) ?? []).join('');
					const tail = pkgOut.match(/^(ok|FAIL|\?)\s.*$/m)?.[0] ?? `${ev.Action} ${ev.Package}`;
					console.log(tail.trim());
				}
			}
		});
		child.on('exit', (code) => {
			if (code !== 0 && failed === 0) failed = 1;
			resolve({ passed, failed });
		});
	});
}

async function runLint() {
	const checks = [
		['prettier', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'], root],
		['eslint', 'npx', ['eslint', '.'], root],
		['svelte-check', 'npm', ['run', '--silent', 'check'], root],
		['go vet', 'go', ['vet', './...'], serverDir]
	];
	let passed = 0;
	let failed = 0;
	for (const [label, cmd, args, cwd] of checks) {
		const code = await run(cmd, args, { cwd, env: goEnv });
		console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${label}`);
		if (code === 0) passed++;
		else failed++;
	}
	// gofmt prints the files it would change; none means formatted
	const unformatted = await new Promise((resolve) => {
		const child = spawn('gofmt', ['-l', '.'], { cwd: serverDir });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', () => resolve(out.trim()));
	});
	console.log(`${unformatted ? 'FAIL' : 'ok  '} gofmt${unformatted ? ': ' + unformatted : ''}`);
	if (unformatted) failed++;
	else passed++;
	return { passed, failed };
}
