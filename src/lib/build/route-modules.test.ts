import { describe, expect, it } from 'vitest';
import { nodeKeyOf, routeModules, type Manifest } from './route-modules';

// the shape of `.svelte-kit/output/client/.vite/manifest.json`
const manifest: Manifest = {
	'.svelte-kit/generated/client-optimized/nodes/4.js': {
		file: '_app/immutable/nodes/4.abc.js',
		src: '.svelte-kit/generated/client-optimized/nodes/4.js',
		imports: ['_runtime.js', '_catalog.js'],
		css: ['_app/immutable/assets/4.abc.css']
	},
	'_runtime.js': { file: '_app/immutable/chunks/runtime.js', imports: ['_shared.js'] },
	'_catalog.js': {
		file: '_app/immutable/chunks/catalog.js',
		imports: ['_shared.js', '_runtime.js'],
		css: ['_app/immutable/assets/grid.css', '_app/immutable/assets/4.abc.css']
	},
	'_shared.js': { file: '_app/immutable/chunks/shared.js' },
	// imported dynamically by the page (not listed in `imports`): not asked for early
	'_dexie.js': { file: '_app/immutable/chunks/dexie.js' }
};

describe('the files a route needs before it runs', () => {
	it('are its node and everything it imports statically, each once, with their stylesheets', () => {
		expect(routeModules(manifest, '.svelte-kit/generated/client-optimized/nodes/4.js')).toEqual({
			js: [
				'/_app/immutable/nodes/4.abc.js',
				'/_app/immutable/chunks/runtime.js',
				'/_app/immutable/chunks/shared.js',
				'/_app/immutable/chunks/catalog.js'
			],
			css: ['/_app/immutable/assets/4.abc.css', '/_app/immutable/assets/grid.css']
		});
	});

	it('says which chunk is missing from a manifest that does not hold together', () => {
		expect(() => routeModules({ a: { file: 'a.js', imports: ['_gone.js'] } }, 'a')).toThrow(
			'the build manifest has no chunk _gone.js'
		);
	});
});

describe('the node of a page component', () => {
	const sources = {
		'.svelte-kit/generated/client-optimized/nodes/0.js':
			'import * as universal from "../../../../src/routes/+layout.ts";\nexport { default as component } from "../../../../src/routes/+layout.svelte";',
		'.svelte-kit/generated/client-optimized/nodes/3.js':
			'export { default as component } from "../../../../src/routes/kategori/+page.svelte";',
		'.svelte-kit/generated/client-optimized/nodes/4.js':
			'export { default as component } from "../../../../src/routes/+page.svelte";'
	};

	it('is the one node that exports it, not one of a page under it', () => {
		expect(nodeKeyOf(sources, 'src/routes/+page.svelte')).toBe(
			'.svelte-kit/generated/client-optimized/nodes/4.js'
		);
	});

	it('is found from a build folder elsewhere (an absolute path)', () => {
		expect(
			nodeKeyOf(
				{ 'x/nodes/7.js': 'export { default as component } from "/work/app/src/routes/+page.svelte";' },
				'src/routes/+page.svelte'
			)
		).toBe('x/nodes/7.js');
	});

	it('is an error when no node, or more than one, exports it', () => {
		expect(() => nodeKeyOf(sources, 'src/routes/toko/+page.svelte')).toThrow(
			'0 client nodes render src/routes/toko/+page.svelte, expected one'
		);
		expect(() =>
			nodeKeyOf({ ...sources, 'nodes/9.js': sources['.svelte-kit/generated/client-optimized/nodes/4.js'] }, 'src/routes/+page.svelte')
		).toThrow('2 client nodes render');
	});
});
