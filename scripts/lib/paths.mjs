import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, whatever the working directory. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverDir = path.join(root, 'pocketbase');
export const serverBinary = path.join(serverDir, 'bin', 'malpro');
export const publicDir = path.join(serverDir, 'pb_public');
export const dataDir = path.join(serverDir, 'pb_data');
export const chromiumPath = '/usr/bin/chromium';
