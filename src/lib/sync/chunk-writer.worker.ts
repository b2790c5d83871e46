/// <reference lib="webworker" />
import { writeChunkIdb, type ChunkWrite } from './chunk-writer';

/**
 * Stores a catalog pull's chunks off the page's thread (chunk-writer-client.ts
 * sends them): plain IndexedDB on the app's database, which the page has
 * opened (and upgraded) before any pull. It closes when an upgrade asks, and
 * opens again on the next chunk.
 */
export type WriterRequest = { id: number; dbName: string; write: ChunkWrite };
export type WriterAnswer =
	| { id: number; result: Awaited<ReturnType<typeof writeChunkIdb>> }
	| { id: number; error: { name: string; message: string } };

let open: Promise<IDBDatabase> | null = null;

function database(name: string): Promise<IDBDatabase> {
	open ??= new Promise<IDBDatabase>((resolve, reject) => {
		const req = indexedDB.open(name);
		req.onsuccess = () => {
			const idb = req.result;
			idb.onversionchange = () => {
				idb.close();
				open = null;
			};
			resolve(idb);
		};
		req.onerror = () => reject(req.error);
	}).catch((err: unknown) => {
		open = null;
		throw err;
	});
	return open;
}

addEventListener('message', (event: MessageEvent<WriterRequest>) => {
	const { id, dbName, write } = event.data;
	database(dbName)
		.then((idb) => writeChunkIdb(idb, write))
		.then(
			(result) => postMessage({ id, result } satisfies WriterAnswer),
			(err: unknown) => {
				const e = err as { name?: unknown; message?: unknown } | null;
				const error = {
					name: typeof e?.name === 'string' ? e.name : 'Error',
					message: typeof e?.message === 'string' ? e.message : String(err)
				};
				postMessage({ id, error } satisfies WriterAnswer);
			}
		);
});
