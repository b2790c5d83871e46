import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBinary = path.join(root, 'pocketbase', 'bin', 'malpro');
export const publicDir = path.join(root, 'pocketbase', 'pb_public');

/** A free loopback port, from the kernel. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export type ServerOptions = { env?: Record<string, string>; port?: number; dataDir?: string };

/**
 * The built PocketBase binary, started directly (no wrapper) on a free port with
 * a temporary data dir and the rate limiter off. `kill` is SIGKILL; `restart`
 * starts it again on the same port and data dir.
 */
export class TestServer {
	readonly port: number;
	readonly dataDir: string;
	readonly url: string;
	readonly #env: Record<string, string>;
	readonly #ownsDataDir: boolean;
	#child: ChildProcess | undefined;
	#log = '';

	private constructor(port: number, dataDir: string, env: Record<string, string>, owns: boolean) {
		this.port = port;
		this.dataDir = dataDir;
		this.url = `http://127.0.0.1:${port}`;
		this.#env = env;
		this.#ownsDataDir = owns;
	}

	static async start(opts: ServerOptions = {}): Promise<TestServer> {
		const port = opts.port ?? (await freePort());
		const owns = !opts.dataDir;
		const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'malpro-pb-'));
		const server = new TestServer(port, dataDir, opts.env ?? {}, owns);
		await server.#spawn();
		return server;
	}

	get log(): string {
		return this.#log;
	}

	async #spawn(): Promise<void> {
		this.#log = '';
		const child = spawn(
			serverBinary,
			['serve', `--http=127.0.0.1:${this.port}`, `--dir=${this.dataDir}`],
			{
				env: {
					...process.env,
					MALPRO_RATE_LIMIT: 'off',
					MALPRO_PUBLIC_DIR: publicDir,
					...this.#env
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		this.#child = child;
		child.stdout?.on('data', (d) => (this.#log += d));
		child.stderr?.on('data', (d) => (this.#log += d));
		const exited = new Promise<never>((_, reject) =>
			child.once('exit', (code) =>
				reject(new Error(`server exited with ${code} before it was ready:\n${this.#log}`))
			)
		);
		await Promise.race([this.#waitHealthy(), exited]);
		child.removeAllListeners('exit');
	}

	async #waitHealthy(timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const res = await fetch(`${this.url}/api/health`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server not healthy after ${timeoutMs} ms:\n${this.#log}`);
	}

	/** SIGKILL: no graceful shutdown, like a crash or a pulled plug. */
	async kill(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGKILL');
		});
	}

	/** A token of the demo city's superuser (demo mode's default), to seed and check through the API. */
	async demoSuperuserToken(): Promise<string> {
		const res = await fetch(`${this.url}/api/collections/_superusers/auth-with-password`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identity: 'admin@malpro.test', password: 'malpro123' })
		});
		if (!res.ok) throw new Error(`superuser sign-in: ${res.status} ${await res.text()}`);
		return ((await res.json()) as { token: string }).token;
	}

	async restart(): Promise<void> {
		await this.kill();
		await this.#spawn();
	}

	async stop(): Promise<void> {
		await this.kill();
		if (this.#ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
	}
}
