import { i18n } from '$lib/i18n/i18n.svelte';
import { session } from '$lib/state/session.svelte';
import { startup } from '$lib/state/startup.svelte';

// A single-page app: PocketBase serves index.html for every page route, and the
// browser renders everything (it must work offline, with no server to render).
export const ssr = false;
export const prerender = false;

// Who is signed in is read from IndexedDB before the first page renders: no page
// shows a visitor's view for a moment to someone who is signed in (nor Indonesian
// for a moment to someone who chose English). A first visit has nothing to read.
export const load = async () => {
	await startup.detect();
	await Promise.all([session.restore(), i18n.ready]);
};
