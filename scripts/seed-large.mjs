// `npm run seed:large [-- --dir DIR] [--stalls N] [--products N]`: loads the
// large catalog (the demo city topped up to 1,000 stalls and 10,000 products,
// issue 5) into its own data dir, pocketbase/pb_data_large by default, so the
// demo data in pocketbase/pb_data stays as it is. Runs `malpro seed-large`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureServerBuild } from './lib/ensure.mjs';
import { publicDir, root, serverBinary, serverDir } from './lib/paths.mjs';
import { mustRun, seconds } from './lib/run.mjs';

const { values } = parseArgs({
	options: {
		dir: { type: 'string', default: path.join(serverDir, 'pb_data_large') },
		stalls: { type: 'string', default: '1000' },
		products: { type: 'string', default: '10000' }
	}
});
const dir = path.resolve(values.dir);

await ensureServerBuild();
mkdirSync(dir, { recursive: true });
const started = performance.now();
await mustRun(serverBinary, [
	'seed-large',
	`--dir=${dir}`,
	`--stalls=${values.stalls}`,
	`--products=${values.products}`
]);
console.log(`seed:large took ${seconds(performance.now() - started)} (binary start included).

Start the server on it (demo mode, the built PWA):
  MALPRO_PUBLIC_DIR=${path.relative(root, publicDir)} ${path.relative(root, serverBinary)} serve --http=127.0.0.1:8090 --dir=${path.relative(root, dir)}
`);
