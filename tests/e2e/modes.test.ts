import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { serverBinary, TestServer } from './server';

const exec = promisify(execFile);

describe('run modes of the server binary', () => {
	const dirs: string[] = [];
	const tempDir = () => {
		const d = mkdtempSync(path.join(os.tmpdir(), 'malpro-mode-'));
		dirs.push(d);
		return d;
	};
	afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

	async function superuserToken(server: TestServer, email: string, password: string) {
		const res = await fetch(`${server.url}/api/collections/_superusers/auth-with-password`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identity: email, password })
		});
		return res.status;
	}

	it('demo mode (the default) has the demo superuser', async () => {
		const server = await TestServer.start();
		try {
			expect(await superuserToken(server, 'admin@malpro.test', 'malpro123')).toBe(200);
			const info = await (await fetch(`${server.url}/api/malpro/info`)).json();
			expect(info.mode).toBe('demo');
		} finally {
			await server.stop();
		}
	});

	it('production refuses to start without an operator superuser, and says how', async () => {
		await expect(
			TestServer.start({ dataDir: tempDir(), env: { MALPRO_ENV: 'production' } })
		).rejects.toThrow(/superuser upsert/);
	});

	it('production starts with one, and has no demo accounts', async () => {
		const dataDir = tempDir();
		await exec(serverBinary, [
			'superuser',
			'upsert',
			'ops@malangkota.go.id',
			'operator-secret-123',
			`--dir=${dataDir}`
		]);
		const server = await TestServer.start({ dataDir, env: { MALPRO_ENV: 'production' } });
		try {
			expect(await superuserToken(server, 'ops@malangkota.go.id', 'operator-secret-123')).toBe(200);
			expect(await superuserToken(server, 'admin@malpro.test', 'malpro123')).toBe(400);
			const info = await (await fetch(`${server.url}/api/malpro/info`)).json();
			expect(info.mode).toBe('production');
		} finally {
			await server.kill();
		}
	});
});
