/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The service worker: the app shell from the precache (works offline, deep links
// too), product images cache-first, the API never cached (the app keeps its data in
// IndexedDB), and Background Sync turned into a message the pages act on.
// It never calls skipWaiting by itself: a new version waits until the person
// chooses "Muat ulang" (src/lib/pwa/update.svelte.ts sends SKIP_WAITING).
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute,
	type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import {
	IMAGE_CACHE,
	IMAGE_CACHE_MAX_AGE_SECONDS,
	IMAGE_CACHE_MAX_ENTRIES,
	NAVIGATION_DENYLIST,
	OUTBOX_SYNC_TAG,
	SKIP_WAITING_MESSAGE,
	SYNC_MESSAGE,
	isCacheableImage
} from '$lib/pwa/sw-routes';

type SyncEvent = ExtendableEvent & { readonly tag: string; readonly lastChance: boolean };

const sw = self as unknown as ServiceWorkerGlobalScope;
/** `self.__WB_MANIFEST`, written out literally: workbox-build replaces it with the list */
type WithManifest = { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Every built /_app/ file, the icons and the manifest, and "/" (index.html, the shell).
precacheAndRoute((self as unknown as WithManifest).__WB_MANIFEST);
cleanupOutdatedCaches();

// Any page route, opened offline or not, gets the precached shell; the SPA's router
// renders the page. The API, the dashboard and files are left to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: NAVIGATION_DENYLIST }));

registerRoute(
	({ url, request }) => request.method === 'GET' && isCacheableImage(url, sw.location.origin),
	new CacheFirst({
		cacheName: IMAGE_CACHE,
		plugins: [
			new CacheableResponsePlugin({ statuses: [200] }),
			new ExpirationPlugin({
				maxEntries: IMAGE_CACHE_MAX_ENTRIES,
				maxAgeSeconds: IMAGE_CACHE_MAX_AGE_SECONDS,
				purgeOnQuotaError: true
			})
		]
	})
);

// The first worker takes the page that installed it (it had none); a later one only
// activates after SKIP_WAITING, and then takes every open tab of the app.
clientsClaim();

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === SKIP_WAITING_MESSAGE.type) {
		void sw.skipWaiting();
	}
});

// Background Sync (Chromium): the pages' sync engine sends the outbox (one runner,
// one record of unsent work); the worker only wakes them up.
sw.addEventListener('sync', (event) => {
	const sync = event as SyncEvent;
	if (sync.tag !== OUTBOX_SYNC_TAG) return;
	sync.waitUntil(
		sw.clients
			.matchAll({ type: 'window', includeUncontrolled: true })
			.then((clients) => clients.forEach((client) => client.postMessage(SYNC_MESSAGE)))
	);
});
