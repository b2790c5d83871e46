import { productCards, searchItems, type ProductCard } from '$lib/db/catalog';
import { db as appDb, type MalproDB } from '$lib/db/db';
import { buildSearchIndex, search, type SearchIndex } from '$lib/domain/search';

/**
 * Search as you type over the cached catalog: the index is built once per
 * catalog revision (`load`), each keystroke only runs `search` on it.
 */
export class CatalogSearch {
	query = $state('');
	/** results kept: a list shows the best ones, the rest needs more letters */
	limit = $state(50);
	#index = $state.raw<SearchIndex | null>(null);
	#ids = $derived(this.#index ? search(this.#index, this.query, this.limit) : []);

	/** product ids matching the query, best first */
	get ids(): string[] {
		return this.#ids;
	}
	get ready(): boolean {
		return this.#index !== null;
	}

	/** (Re)builds the index from the cached catalog; call again when the catalog's revision moves. */
	async load(db: MalproDB = appDb()): Promise<void> {
		this.#index = buildSearchIndex(await searchItems(db));
	}

	/** The matching products as cards, best first. */
	cards(db: MalproDB = appDb()): Promise<ProductCard[]> {
		return productCards(db, this.#ids);
	}
}
