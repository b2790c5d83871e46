import type { HandleClientError } from '@sveltejs/kit';
import { reloadOnceAfterFailedImport } from '$lib/pwa/start-retry';

// Kit's errors in the browser (a load, a render, a page's module that did not arrive).
// A module that did not arrive is loaded again, once, by loading the page again
// (src/lib/pwa/start-retry.ts); anything else shows the error page, as before.
export const handleError: HandleClientError = ({ error }) => {
	reloadOnceAfterFailedImport(error);
};
