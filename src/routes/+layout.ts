// A single-page app: PocketBase serves index.html for every page route, and the
// browser renders everything (it must work offline, with no server to render).
export const ssr = false;
export const prerender = false;
