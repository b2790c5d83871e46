/// <reference lib="webworker" />
import { createCatalogTransport } from '$lib/api/catalog';
import { MalproDB } from '$lib/db/schema';
import { handlePullRequest, type PullAnswer, type PullRequest } from './catalog-pull-protocol';

/*
 * The catalog pull, off the page's thread (catalog-pull-client.ts starts it):
 * reading the answers, checking every record and storing them. The page gets
 * a few numbers per chunk and the report.
 *
 * Its own Dexie connection to the app's database, which the page has opened
 * (and upgraded) before any pull. Dexie closes it when another connection
 * asks for an upgrade or a deletion (its default `versionchange` handler:
 * close with auto-open kept), so the worker never blocks the page's schema
 * upgrades, and it opens again on the next pull's first query.
 */
const dbs = new Map<string, MalproDB>();

const env = {
	db: (name: string) => {
		let db = dbs.get(name);
		if (!db) dbs.set(name, (db = new MalproDB(name)));
		return db;
	},
	transport: (baseUrl: string) => createCatalogTransport({ baseUrl }),
	now: Date.now
};

addEventListener('message', (event: MessageEvent<PullRequest>) => {
	void handlePullRequest(event.data, env, (answer: PullAnswer) => postMessage(answer));
});
