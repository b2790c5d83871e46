// `npm run build:server`: builds pocketbase/bin/malpro when Go sources changed.
import { ensureServerBuild } from './lib/ensure.mjs';

await ensureServerBuild();
