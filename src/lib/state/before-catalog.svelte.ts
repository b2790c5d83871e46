import { browse } from './browse.svelte';
import { startup } from './startup.svelte';
import { tick } from 'svelte';

/**
 * A page's read of the server for while the device holds no catalog: a first visit
 * to a shared link (a product, a stall), or a catalog whose download failed or is
 * still running. What the page shows from it stays until the device's own read has
 * it. On a first visit the database opens once the page painted what it read
 * (src/lib/state/startup.svelte.ts). Call it while a component initialises.
 */
export function serverWhileNoCatalog<T>(
	key: () => string,
	read: (key: string) => Promise<T | 'missing' | null>
): { readonly current: T | null; readonly missing: boolean } {
	let answer = $state.raw<{ key: string; value: T | 'missing' | null } | null>(null);
	let askedFor: string | null = null;
	$effect(() => {
		const wanted = key();
		const noCatalog =
			(startup.fresh && !startup.localSettled) ||
			browse.emptyReason === 'downloading' ||
			browse.emptyReason === 'missing';
		if (!noCatalog || askedFor === wanted) return;
		askedFor = wanted;
		void read(wanted).then(async (value) => {
			// a late answer for a page no longer asked for (two links followed within a
			// round trip) would take the place of the page's own
			if (askedFor !== wanted) return;
			answer = { key: wanted, value };
			// the server could not say: asked again when the catalog's state next moves
			if (value === null) askedFor = null;
			if (startup.localSettled) return;
			await tick();
			requestAnimationFrame(() => setTimeout(() => startup.firstScreenShown()));
		});
	});
	const mine = () => (answer?.key === key() ? answer.value : null);
	return {
		get current() {
			const value = mine();
			return value === 'missing' ? null : value;
		},
		get missing() {
			return mine() === 'missing';
		}
	};
}
