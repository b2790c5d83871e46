import { i18n } from '$lib/i18n/i18n.svelte';
import { session } from '$lib/state/session.svelte';
import { startup } from '$lib/state/startup.svelte';
import { yieldToMain } from '$lib/sync/yield';

// A single-page app: PocketBase serves index.html for every page route, and the
// browser renders everything (it must work offline, with no server to render).
export const ssr = false;
export const prerender = false;

// Who is signed in is read from IndexedDB before the first page renders: no page
// shows a visitor's view for a moment to someone who is signed in (nor Indonesian
// for a moment to someone who chose English). A first visit has nothing to read,
// and the pages it can show from the network (the home, a product's, a stall's or a
// category's link) do not wait for the database (startup.svelte.ts).
const NETWORK_FIRST = new Set(['/', '/produk/[id]', '/toko/[id]', '/kategori/[id]']);

export const load = async ({ route }) => {
	// marks for the start-up benchmark (tests/bench/catalog.bench.test.ts)
	performance.mark('malpro:load');
	await startup.begin(NETWORK_FIRST.has(route.id ?? ''));
	await Promise.all([session.restore(), i18n.ready]);
	performance.mark('malpro:session');
	// the first page renders in a task of its own (a slow phone's page thread is not
	// held by reading the sign-in and rendering in one go)
	await yieldToMain();
};
