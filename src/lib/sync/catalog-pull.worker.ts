/// <reference lib="webworker" />
import { MalproDB } from '$lib/db/schema';
import {
	handlePullRequest,
	pullWorkerEnv,
	type PullAnswer,
	type PullRequest
} from './catalog-pull-protocol';

/*
 * The catalog pull, off the page's thread (catalog-pull-client.ts starts it):
 * reading the answers, checking every record and storing them. The page gets
 * a few numbers per chunk and the report.
 *
 * Its own Dexie connection to the app's database, which the page has opened
 * (and upgraded) before any pull; Dexie closes it when an upgrade asks, and it
 * opens again on the next pull (pullWorkerEnv).
 */
const env = pullWorkerEnv({ connect: (name) => new MalproDB(name), now: Date.now });

addEventListener('message', (event: MessageEvent<PullRequest>) => {
	void handlePullRequest(event.data, env, (answer: PullAnswer) => postMessage(answer));
});
