import { session } from '$lib/state/session.svelte';

// A single-page app: PocketBase serves index.html for every page route, and the
// browser renders everything (it must work offline, with no server to render).
export const ssr = false;
export const prerender = false;

// Who is signed in is read from IndexedDB before the first page renders: no page
// shows a visitor's view for a moment to someone who is signed in.
export const load = () => session.restore();
