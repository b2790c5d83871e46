/**
 * Which requests the service worker answers, and how: pure functions over URLs so
 * that Node tests check them (src/service-worker.ts only wires them to Workbox).
 * They mirror the Go server's pocketbase/server/spa.go: a page route gets the SPA
 * shell, an asset or API path never does.
 */

/** The tag the app registers for Background Sync (src/lib/sync/triggers.ts). */
export const OUTBOX_SYNC_TAG = 'malpro-outbox';

/** What the worker posts to the pages on a Background Sync: "flush your outbox now". */
export const SYNC_MESSAGE = { type: 'malpro-sync' } as const;

/** What a page posts to a waiting worker when the person chose to update. */
export const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' } as const;

/** Product photos and their thumbnails: the only runtime cache. */
export const IMAGE_CACHE = 'malpro-images';
export const IMAGE_CACHE_MAX_ENTRIES = 600;
export const IMAGE_CACHE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Paths a navigation must never be answered with the shell for: the API, the
 * PocketBase dashboard, built assets, and anything that looks like a file.
 */
export const NAVIGATION_DENYLIST: RegExp[] = [
	/^\/api(\/|$)/,
	/^\/_(\/|$)/,
	/^\/_app(\/|$)/,
	// a last segment with an extension is a file (x.js, icon.png, robots.txt)
	/\/[^/]*\.[^/]*$/
];

/** True when a navigation to this path is a page of the app (answered with the shell). */
export function isPageNavigation(pathname: string): boolean {
	return !NAVIGATION_DENYLIST.some((re) => re.test(pathname));
}

const IMAGE_EXTENSION = /\.(jpe?g|png|webp|gif|avif)$/i;

/**
 * True for a product photo or thumbnail served by PocketBase's file API on this
 * origin (`/api/files/{collection}/{record}/{name}.jpg?thumb=160x160`). A file
 * asked for with a `token` is private: it is never kept in a cache that outlives
 * the sign-in.
 */
export function isCacheableImage(url: URL, origin: string): boolean {
	return (
		url.origin === origin &&
		url.pathname.startsWith('/api/files/') &&
		IMAGE_EXTENSION.test(url.pathname) &&
		!url.searchParams.has('token')
	);
}
