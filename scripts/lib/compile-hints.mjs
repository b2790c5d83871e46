/**
 * V8's explicit compile hint (Chrome 136+): a file that starts with this comment
 * has all its functions compiled while it streams in, on a background thread,
 * instead of each one on the page's thread the first time it runs. A first
 * visit runs most of the start-up code once, so compiling it lazily held the
 * page's thread for about 200 ms here (40 ms with the hint: docs/startup.md).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * @typedef {object} BuiltChunk
 * @property {string} fileName
 * @property {readonly string[]} imports the chunks it imports statically (loaded with it)
 * @property {readonly string[]} moduleIds
 */

/** @param {string} fileName */
const isKitEntry = (fileName) => /(^|\/)entry\/[^/]+\.js$/.test(fileName);

/**
 * The chunks a start of the app runs: Kit's entries (entry/start, entry/app; not
 * the pages' nodes, which Kit's build also lists as entries) and what they import,
 * and the chunks holding the given modules (the root layout, error and home pages)
 * and what those import. Chunks loaded later (other pages, the database, the
 * pull) are left to compile as they are used: most of their functions may never run.
 * @param {readonly BuiltChunk[]} chunks
 * @param {(id: string) => boolean} isStartModule
 * @returns {Set<string>}
 */
export function startupChunks(chunks, isStartModule) {
	const byName = new Map(chunks.map((c) => [c.fileName, c]));
	/** @type {Set<string>} */
	const found = new Set();
	/** @param {string} name */
	const visit = (name) => {
		if (found.has(name)) return;
		const chunk = byName.get(name);
		if (!chunk) return;
		found.add(name);
		for (const next of chunk.imports) visit(next);
	};
	for (const chunk of chunks) {
		if (isKitEntry(chunk.fileName) || chunk.moduleIds.some(isStartModule)) visit(chunk.fileName);
	}
	return found;
}

/**
 * Adds the compile hint to the chunks of the app's start (the browser build only).
 * @param {readonly string[]} startModules
 * @returns {import('vite').Plugin}
 */
export function compileHints(startModules) {
	/** @param {string} id */
	const isStartModule = (id) => startModules.some((m) => id.endsWith(m));
	return {
		name: 'malpro:compile-hints',
		apply: 'build',
		enforce: 'post',
		generateBundle: {
			// after Vite's own (its import analysis puts a preload map at the top)
			order: 'post',
			handler(_options, bundle) {
				const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
				// Kit's browser build is the one with its start entry (not the server's, nor a worker's)
				if (!chunks.some((c) => /(^|\/)entry\/start\./.test(c.fileName))) return;
				for (const name of startupChunks(chunks, isStartModule)) {
					const chunk = bundle[name];
					if (chunk?.type === 'chunk' && !chunk.code.startsWith(COMPILE_HINT)) {
						chunk.code = COMPILE_HINT + chunk.code;
					}
				}
			}
		}
	};
}
