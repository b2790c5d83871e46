import { describe, expect, it } from 'vitest';
import { startupChunks, type BuiltChunk } from '../../scripts/lib/compile-hints.mjs';

const chunk = (fileName: string, imports: string[] = [], moduleIds: string[] = []): BuiltChunk => ({
	fileName,
	imports,
	moduleIds
});

describe('startupChunks', () => {
	const bundle = [
		chunk('_app/immutable/entry/start.js', ['chunks/kit.js']),
		chunk('_app/immutable/entry/app.js', ['chunks/svelte.js']),
		chunk('chunks/kit.js', ['chunks/svelte.js']),
		chunk('chunks/svelte.js'),
		chunk('nodes/0.js', ['chunks/layout.js'], ['/app/src/routes/+layout.svelte']),
		chunk('chunks/layout.js', ['chunks/svelte.js']),
		chunk('nodes/4.js', ['chunks/cards.js'], ['/app/src/routes/+page.svelte']),
		chunk('chunks/cards.js'),
		// Kit's build lists every page as an entry too: only the start's are taken
		chunk('nodes/9.js', ['chunks/admin.js'], ['/app/src/routes/admin/+page.svelte']),
		chunk('chunks/admin.js'),
		chunk('chunks/dexie.js', [], ['/app/node_modules/dexie/dist/dexie.js'])
	];
	const start = ['src/routes/+layout.svelte', 'src/routes/+page.svelte'];
	const found = startupChunks(bundle, (id) => start.some((m) => id.endsWith(m)));

	it('takes the entries, the start pages and what they import', () => {
		expect([...found].sort()).toEqual([
			'_app/immutable/entry/app.js',
			'_app/immutable/entry/start.js',
			'chunks/cards.js',
			'chunks/kit.js',
			'chunks/layout.js',
			'chunks/svelte.js',
			'nodes/0.js',
			'nodes/4.js'
		]);
	});

	it('leaves what is loaded later: other pages, the database', () => {
		expect(found.has('nodes/9.js')).toBe(false);
		expect(found.has('chunks/admin.js')).toBe(false);
		expect(found.has('chunks/dexie.js')).toBe(false);
	});

	it('does not follow an import of a chunk that is not in the bundle', () => {
		const odd = startupChunks([chunk('entry/start.js', ['gone.js'])], () => false);
		expect([...odd]).toEqual(['entry/start.js']);
	});
});
