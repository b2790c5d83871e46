import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const skipDirs = new Set([
	'node_modules',
	'.git',
	'.svelte-kit',
	'pb_data',
	'pb_data_large',
	'pb_public',
	'bin'
]);

function walk(p, out) {
	if (!existsSync(p)) return;
	const st = statSync(p);
	if (st.isDirectory()) {
		for (const name of readdirSync(p).sort()) {
			if (!skipDirs.has(name)) walk(path.join(p, name), out);
		}
	} else {
		out.push(`${p}:${st.size}:${st.mtimeMs}`);
	}
}

/** A hash of the names, sizes and times of every file under the inputs. */
export function fingerprint(inputs) {
	const entries = [];
	for (const input of inputs) walk(input, entries);
	return createHash('sha256').update(entries.join('\n')).digest('hex');
}

/** True when the stamp file holds this fingerprint (the output is up to date). */
export function isFresh(stampFile, print) {
	return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print;
}

export function stamp(stampFile, print) {
	writeFileSync(stampFile, print);
}
