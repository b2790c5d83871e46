/** kv keys of this device's sync (src/lib/state/sync.svelte.ts, sync-runner.ts). */

/** the device's id in every push envelope, made once */
export const CLIENT_ID_KEY = 'sync.clientId';
/** the owner of the last change queued here: an expired sign-in keeps its queue */
export const LAST_OWNER_KEY = 'sync.lastOwner';
