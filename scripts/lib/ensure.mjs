// What `npm start` and `npm test` install or build before they run, each only
// when its inputs changed since the last time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint, isFresh, stamp } from './fingerprint.mjs';
import { chromiumPath, publicDir, root, serverBinary, serverDir } from './paths.mjs';
import { goEnv, mustRun, seconds } from './run.mjs';

const log = (msg) => console.log(`[malpro] ${msg}`);

/** npm ci when node_modules is missing or the lockfile changed. */
export async function ensureNodeModules() {
	const lock = readFileSync(path.join(root, 'package-lock.json'));
	const hash = createHash('sha256').update(lock).digest('hex');
	const stampFile = path.join(root, 'node_modules', '.malpro-lock-hash');
	if (isFresh(stampFile, hash)) return { skipped: true, ms: 0 };
	const t0 = performance.now();
	log('installing npm packages (npm ci)…');
	await mustRun('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
	stamp(stampFile, hash);
	return { skipped: false, ms: performance.now() - t0 };
}

/** Builds pocketbase/bin/malpro when a Go file, go.mod or go.sum changed. */
export async function ensureServerBuild() {
	const print = fingerprint([serverDir]);
	const stampFile = serverBinary + '.fingerprint';
	if (existsSync(serverBinary) && isFresh(stampFile, print)) return { skipped: true, ms: 0 };
	const t0 = performance.now();
	log('building the PocketBase server (go build)…');
	mkdirSync(path.dirname(serverBinary), { recursive: true });
	await mustRun('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', serverBinary, '.'], {
		cwd: serverDir,
		env: goEnv
	});
	stamp(stampFile, print);
	const ms = performance.now() - t0;
	const mb = (statSync(serverBinary).size / 1024 / 1024).toFixed(1);
	log(`server built in ${seconds(ms)} (${mb} MiB)`);
	return { skipped: false, ms, bytes: statSync(serverBinary).size };
}

const appInputs = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package-lock.json'
].map((p) => path.join(root, p));

/** Builds the PWA into pocketbase/pb_public when the app's sources changed. */
export async function ensureAppBuild() {
	const print = fingerprint(appInputs);
	const stampFile = path.join(serverDir, 'bin', 'app.fingerprint');
	if (existsSync(path.join(publicDir, 'index.html')) && isFresh(stampFile, print)) {
		return { skipped: true, ms: 0 };
	}
	const t0 = performance.now();
	log('building the app (vite build)…');
	await mustRun('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
	mkdirSync(path.dirname(stampFile), { recursive: true });
	writeFileSync(stampFile, print);
	return { skipped: false, ms: performance.now() - t0 };
}

/** Installs Debian's chromium for the browser tests when it is missing. */
export async function ensureChromium() {
	if (existsSync(chromiumPath)) return { skipped: true, ms: 0 };
	const t0 = performance.now();
	log('installing Debian chromium (apt-get)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const apt = (args) =>
		sudo.length
			? mustRun('sudo', ['apt-get', ...args], { env })
			: mustRun('apt-get', args, { env });
	await apt(['update', '-qq']);
	await apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
	return { skipped: false, ms: performance.now() - t0 };
}
