import type { SyncEngine } from './engine';

export type TriggerOptions = {
	engine: SyncEngine;
	/** a cheap request that proves the server is reachable (navigator.onLine lies) */
	probe: () => Promise<boolean>;
	/** how often to try while the app is open */
	intervalMs?: number;
	target?: Window & typeof globalThis;
};

/**
 * Starts the engine's triggers in the browser: now, `online` once a real
 * request confirms it, the tab becoming visible, a timer, and a Background
 * Sync message from the service worker. Local writes call engine.flush()
 * themselves. Returns a function that removes them all.
 */
export function startSyncTriggers(opts: TriggerOptions): () => void {
	const w = opts.target ?? window;
	const { engine } = opts;
	const flush = () => void engine.flush();

	const onOnline = async () => {
		if (await opts.probe().catch(() => false)) flush();
	};
	const onVisible = () => {
		if (w.document.visibilityState === 'visible') flush();
	};
	const onWorkerMessage = (event: MessageEvent) => {
		if ((event.data as { type?: string } | null)?.type === 'malpro-sync') flush();
	};

	w.addEventListener('online', onOnline);
	w.document.addEventListener('visibilitychange', onVisible);
	w.navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
	const timer = w.setInterval(flush, opts.intervalMs ?? 30_000);
	flush();

	return () => {
		w.removeEventListener('online', onOnline);
		w.document.removeEventListener('visibilitychange', onVisible);
		w.navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
		w.clearInterval(timer);
		engine.stop();
	};
}

/** Asks for a Background Sync (Chromium only); other browsers rely on the triggers above. */
export async function requestBackgroundSync(tag = 'malpro-outbox'): Promise<boolean> {
	const reg = await navigator.serviceWorker?.ready.catch(() => undefined);
	const sync = (
		reg as
			(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
	)?.sync;
	if (!sync) return false;
	await sync.register(tag).catch(() => undefined);
	return true;
}
