// `npm start`: installs what is missing, builds what changed, and runs Malpro
// (PocketBase + SQLite + the built PWA + demo data) on 127.0.0.1:8090.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ensureAppBuild, ensureNodeModules, ensureServerBuild } from './lib/ensure.mjs';
import { dataDir, publicDir, serverBinary } from './lib/paths.mjs';

const port = Number(process.env.PORT ?? 8090);
const host = process.env.HOST ?? '127.0.0.1';
const production = (process.env.MALPRO_ENV ?? '').startsWith('prod');

await ensureNodeModules();
await ensureServerBuild();
await ensureAppBuild();
mkdirSync(dataDir, { recursive: true });

const address = `http://${host}:${port}`;
console.log(`
  Malpro — Malang Beli Produk Lokal
  ${address}   (${production ? 'production mode' : 'demo mode'}, data in pocketbase/pb_data)
`);
if (!production) {
	console.log(`  Demo accounts, password malpro123:
    admin (city)   admin@malpro.test        (also the PocketBase superuser: ${address}/_/)
    buyer (ASN)    NIP 198507142010011002
    buyer (ASN)    NIP 199203252019032001
    seller         keripik.sanan@malpro.test   (Keripik Tempe Sanan)
    seller         sanan.helper@malpro.test    (second phone of the Sanan stall)
    seller         kopi.dampit@malpro.test     (Kopi Dampit)
`);
}

// The binary itself, not a wrapper: stopping npm stops the server and frees the port.
const server = spawn(serverBinary, ['serve', `--http=${host}:${port}`, `--dir=${dataDir}`], {
	stdio: 'inherit',
	env: { ...process.env, MALPRO_PUBLIC_DIR: publicDir }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => server.kill(sig));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
