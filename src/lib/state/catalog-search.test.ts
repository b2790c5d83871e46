import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MalproDB } from '$lib/db/schema';
import { pullCatalog } from '$lib/sync/pull';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import { CatalogSearch } from './catalog-search.svelte';

describe('CatalogSearch', () => {
	it('searches the cached catalog as the query changes', async () => {
		const server = new MemoryCatalog();
		server.put('categories', wire.category(testId('cat', 1), 'Makanan Ringan', 1));
		server.put('stalls', wire.stall(testId('stall', 1), 'Keripik Tempe Sanan', 'blimbing'));
		for (const [i, name] of [
			'Keripik Tempe Original',
			'Keripik Tempe Balado',
			'Sambal Bawang'
		].entries()) {
			server.put(
				'products',
				wire.product(testId('prod', i), testId('stall', 1), testId('cat', 1), name, 15_000)
			);
		}
		const db = new MalproDB('catalog-search', { indexedDB: new IDBFactory(), IDBKeyRange });
		await pullCatalog({ db, transport: server.transport() });

		const search = new CatalogSearch();
		search.query = 'kripik';
		expect([search.ready, search.ids]).toEqual([false, []]);
		await search.load(db);
		// the two by their name, then the one sold by a stall named Keripik
		expect(search.ids).toEqual([testId('prod', 1), testId('prod', 0), testId('prod', 2)]);
		search.query = 'sambal';
		expect((await search.cards(db)).map((c) => [c.name, c.stallName])).toEqual([
			['Sambal Bawang', 'Keripik Tempe Sanan']
		]);
	});
});
