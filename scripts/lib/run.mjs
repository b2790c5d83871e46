import { spawn } from 'node:child_process';

/** Runs a command with inherited output; resolves with its exit code. */
export function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

/** Runs a command and throws when it fails. */
export async function mustRun(cmd, args, opts = {}) {
	const code = await run(cmd, args, opts);
	if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
}

/** The environment Go builds and tests use: no cgo, this machine's Go only. */
export const goEnv = { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' };

/** Milliseconds → "12.3 s". */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
