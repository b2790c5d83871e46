import { describe, expect, it } from 'vitest';
import { earlyList, nodeKeyOf, routeModules, routePattern, type Manifest } from './route-modules';

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
				{
					'x/nodes/7.js':
						'export { default as component } from "/work/app/src/routes/+page.svelte";'
				},
				'src/routes/+page.svelte'
			)
		).toBe('x/nodes/7.js');
	});

	it('is an error when no node, or more than one, exports it', () => {
		expect(() => nodeKeyOf(sources, 'src/routes/toko/+page.svelte')).toThrow(
			'0 client nodes render src/routes/toko/+page.svelte, expected one'
		);
		expect(() =>
			nodeKeyOf(
				{ ...sources, 'nodes/9.js': sources['.svelte-kit/generated/client-optimized/nodes/4.js'] },
				'src/routes/+page.svelte'
			)
		).toThrow('2 client nodes render');
	});
});

describe("a route's pattern", () => {
	it('matches its paths as Kit does, with or without a trailing slash, and no others', () => {
		const product = new RegExp(routePattern('/produk/[id]'));
		expect(product.exec('/produk/abc123')?.[1]).toBe('abc123');
		expect(product.test('/produk/abc123/')).toBe(true);
		expect(product.test('/produk')).toBe(false);
		expect(product.test('/produk/a/b')).toBe(false);
		expect(product.test('/x/produk/a')).toBe(false);
		expect(new RegExp(routePattern('/')).test('/')).toBe(true);
		expect(new RegExp(routePattern('/')).test('/cari')).toBe(false);
		expect(new RegExp(routePattern('/pesanan/[id]')).exec('/pesanan/o1')?.[1]).toBe('o1');
	});

	it('refuses what the app does not use (a rest or optional parameter, a group)', () => {
		expect(() => routePattern('/a/[...rest]')).toThrow('[...rest] is not a plain name');
		expect(() => routePattern('/(group)/a')).toThrow('(group)');
	});
});

describe("every route's early list", () => {
	const nodes = (n: number, imports: string[], css: string[] = []) => ({
		[`nodes/${n}.js`]: { file: `_app/immutable/nodes/${n}.js`, imports, css }
	});
	const built: Manifest = {
		...nodes(2, ['_runtime.js']),
		...nodes(4, ['_runtime.js', '_catalog.js'], ['_app/immutable/assets/home.css']),
		...nodes(7, ['_runtime.js', '_catalog.js']),
		...nodes(9, ['_runtime.js'], ['_app/immutable/assets/admin.css']),
		'_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
		'_catalog.js': { file: '_app/immutable/chunks/catalog.js' }
	};
	const sources = {
		'nodes/2.js': 'import * as universal from "../src/routes/admin/+layout.ts";',
		'nodes/4.js': 'export { default as component } from "../src/routes/+page.svelte";',
		'nodes/7.js': 'export { default as component } from "../src/routes/produk/[id]/+page.svelte";',
		'nodes/9.js': 'export { default as component } from "../src/routes/admin/+page.svelte";'
	};
	const list = earlyList(built, sources, [
		{ id: '/produk/[id]', components: ['src/routes/produk/[id]/+page.svelte'], ask: '/api/p/$1' },
		{ id: '/admin', components: ['src/routes/admin/+layout.ts', 'src/routes/admin/+page.svelte'] },
		{ id: '/', components: ['src/routes/+page.svelte'], ask: '/api/first' }
	]);
	const filesOf = (re: string) => {
		const route = list.routes.find((r) => r.re === re);
		return (
			route && { js: route.js.map((i) => list.files[i]), css: route.css.map((i) => list.files[i]) }
		);
	};

	it("gives each route its layouts' files and its page's, and each file once in all", () => {
		expect(filesOf('^/admin/?$')).toEqual({
			js: [
				'/_app/immutable/nodes/2.js',
				'/_app/immutable/chunks/runtime.js',
				'/_app/immutable/nodes/9.js'
			],
			css: ['/_app/immutable/assets/admin.css']
		});
		expect(filesOf('^/produk/([^/]+)/?$')?.js).toEqual([
			'/_app/immutable/nodes/7.js',
			'/_app/immutable/chunks/runtime.js',
			'/_app/immutable/chunks/catalog.js'
		]);
		expect(new Set(list.files).size).toBe(list.files.length);
	});

	it("keeps what a route's first screen asks of the server, and puts routes without parameters first", () => {
		expect(list.routes.map((r) => [r.re, r.ask])).toEqual([
			['^/$', '/api/first'],
			['^/admin/?$', undefined],
			['^/produk/([^/]+)/?$', '/api/p/$1']
		]);
	});
});
