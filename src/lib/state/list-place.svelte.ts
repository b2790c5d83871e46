import type { Snapshot } from '@sveltejs/kit';
import { tick } from 'svelte';

type Place = { pages: number; y: number };

/**
 * Where a person was in a long list of cards: how many pages of it were shown
 * (ProductGrid's "show more") and how far it was scrolled. It is kept with the
 * history entry (Kit's page snapshot), so back from a product the list shows as
 * many cards again and scrolls back to where it was, once its cards are read
 * (they come from the device after the navigation: Kit's own scroll restore
 * runs before they are there). Made while the page initialises, with what says
 * its cards were read; the page exports its `snapshot`.
 */
export class ListPlace {
	pages = $state(1);
	#scrollTo: number | null = null;

	constructor(read: () => unknown) {
		$effect(() => {
			if (read()) void tick().then(() => this.#shown());
		});
	}

	readonly snapshot: Snapshot<Place> = {
		capture: () => ({ pages: this.pages, y: scrollY }),
		restore: (place) => {
			this.pages = Math.max(1, Math.floor(place.pages) || 1);
			this.#scrollTo = place.y;
		}
	};

	/** The list's cards are in the page: back to where the person was (once). */
	#shown(): void {
		const y = this.#scrollTo;
		if (y === null) return;
		this.#scrollTo = null;
		requestAnimationFrame(() => scrollTo(0, y));
	}
}
