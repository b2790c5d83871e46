import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Product } from '$lib/api/catalog-records';
import { MalproDB } from '$lib/db/schema';
import { MemoryCatalog, testId, wire } from '$lib/testing/memory-catalog';
import type { ReadCursor } from './catalog-types';
import { START } from './cursor';
import { readPages, type PageReader } from './pages';
import { pullCatalog, type PullProgress } from './pull';

const STALL = testId('stall', 1);
const CAT = testId('cat', 1);

/** A server with one stall and `n` products, ten per millisecond. */
function shop(n: number): MemoryCatalog {
	const server = new MemoryCatalog();
	server.put('categories', wire.category(CAT, 'Makanan', 1));
	server.put('stalls', wire.stall(STALL, 'Keripik Tempe Sanan', 'blimbing'));
	for (let i = 0; i < n; i++) {
		server.put('products', wire.product(testId('prod', i), STALL, CAT, `Produk ${i}`, 1000 + i));
		if (i % 10 === 9) server.tick();
	}
	server.tick(5000);
	return server;
}

function reader(server: MemoryCatalog, o: Partial<PageReader> = {}): PageReader {
	return {
		transport: server.transport(),
		pageSize: 500,
		chunkSize: 200,
		readAt: server.now(),
		counts: { requests: 0, skippedInvalid: 0 },
		...o
	};
}

describe('readPages', () => {
	it('reads a small first page, then whole pages, and writes chunks of chunkSize inside pages', async () => {
		const server = shop(1234);
		const writes: { rows: number; cursor: ReadCursor }[] = [];
		await readPages(
			reader(server, { firstPageSize: 100 }),
			'products',
			{ from: START, seen: START },
			async (rows, cursor) => void writes.push({ rows: rows.length, cursor })
		);
		const pages = server.requests.map((r) => r.answered.length);
		expect(pages).toEqual([100, 500, 500, 134]);
		// the first page at once; then 200 at a time across pages; the rest at the end
		expect(writes.map((w) => w.rows)).toEqual([100, 200, 200, 200, 200, 200, 134]);
		const ids = server.requests.flatMap((r) => r.answered);
		// each cursor is the last record its chunk holds
		let read = 0;
		for (const w of writes) {
			read += w.rows;
			expect(w.cursor.id).toBe(ids[read - 1]);
		}
	});

	it('asks for the next page while it stores this one', async () => {
		const server = shop(1234);
		const inner = server.transport();
		const events: string[] = [];
		const transport = {
			version: inner.version,
			list: async (q: Parameters<typeof inner.list>[0]) => {
				events.push(`ask ${server.requests.length + 1}`);
				return inner.list(q);
			}
		};
		await readPages(
			reader(server, { transport, firstPageSize: 100 }),
			'products',
			{ from: START, seen: START },
			async (rows) => void events.push(`store ${rows.length}`)
		);
		expect(events).toEqual([
			'ask 1',
			'ask 2',
			'store 100',
			'ask 3',
			'store 200',
			'store 200',
			'ask 4',
			'store 200',
			'store 200',
			'store 200',
			'store 134'
		]);
		expect(server.requests.map((r) => r.answered.length)).toEqual([100, 500, 500, 134]);
	});

	it('moves the cursor past records that failed their schema, in the chunk they were read in', async () => {
		const server = shop(5);
		server.put('products', {
			...wire.product(testId('bad', 1), STALL, CAT, 'Rusak', 1),
			price: -1
		});
		const writes: { rows: number; id: string }[] = [];
		const r = reader(server, { chunkSize: 2 });
		await readPages(r, 'products', { from: START, seen: START }, async (rows, cursor) => {
			writes.push({ rows: rows.length, id: cursor.id });
		});
		expect(writes.map((w) => w.rows)).toEqual([2, 2, 1]);
		expect(writes.at(-1)?.id).toBe(testId('bad', 1));
		expect(r.counts.skippedInvalid).toBe(1);
	});
});

describe('pullCatalog: progress', () => {
	it('tells after each committed chunk what is stored, and writes a first pull without reading it back', async () => {
		const server = shop(450);
		const db = new MalproDB('pages-progress', { indexedDB: new IDBFactory(), IDBKeyRange });
		const reads: string[] = [];
		db.use({
			stack: 'dbcore',
			name: 'record-reads',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return {
						...table,
						getMany: (req) => {
							reads.push(name);
							return table.getMany(req);
						}
					};
				}
			})
		});
		const progress: string[] = [];
		const onProgress = (p: PullProgress) => progress.push(`${p.collection}:${p.written.products}`);
		await pullCatalog({
			db,
			transport: server.transport(),
			now: () => 1,
			chunkSize: 200,
			onProgress
		});
		// no OPDs on this server: nothing written, nothing told
		expect(progress).toEqual([
			'categories:0',
			'stalls:0',
			'products:100',
			'products:300',
			'products:450'
		]);
		expect(reads.filter((t) => t === 'products')).toEqual([]);
		const stored: Product[] = await db.products.toArray();
		expect(stored).toHaveLength(450);

		// a later pull compares with what is stored: a changed row is written, the others are not
		server.update('products', testId('prod', 7), { price: 999 });
		const report = await pullCatalog({ db, transport: server.transport(), now: () => 2 });
		expect(report.written.products).toBe(1);
		expect((await db.products.get(testId('prod', 7)))?.price).toBe(999);
	});
});
