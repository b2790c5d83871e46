import type { PulledCollection } from '$lib/api/catalog-records';
import { AppError } from '$lib/api/errors';
import type { CatalogTransport, PageQuery } from '$lib/sync/catalog-types';
import { compareCursor } from '$lib/sync/cursor';

type WireRecord = Record<string, unknown> & { id: string; updated: string };

/**
 * A catalog server held in memory, for unit tests of the pull: PocketBase's
 * list semantics (visible rows only, sorted by updated then id, keyset pages),
 * record times from a clock the test moves (so ties are easy to make), and
 * tombstones written as pocketbase/hooks/tombstones.go writes them.
 */
export class MemoryCatalog {
	version = 1;
	dataset = 'dataset00000001';
	/** every list request, in order, with the ids it answered */
	readonly requests: (PageQuery & { answered: string[] })[] = [];
	/** makes the next list requests fail, e.g. after n of them */
	failWhen: ((request: number) => boolean) | null = null;
	#ms: number;
	#seq = 0;
	readonly #rows: Record<PulledCollection, Map<string, WireRecord>> = {
		categories: new Map(),
		opds: new Map(),
		stalls: new Map(),
		products: new Map(),
		tombstones: new Map()
	};

	constructor(start = Date.UTC(2026, 10, 28, 1, 0, 0)) {
		this.#ms = start;
	}

	/** The server clock, in PocketBase's record format. */
	now(offsetMs = 0): string {
		return new Date(this.#ms + offsetMs).toISOString().replace('T', ' ');
	}

	tick(ms = 1): void {
		this.#ms += ms;
	}

	/** Creates or updates a record; `updated` is now unless given (a late commit). */
	put(
		collection: PulledCollection,
		record: Record<string, unknown> & { id: string },
		updated?: string
	) {
		const old = this.#rows[collection].get(record.id);
		this.#rows[collection].set(record.id, { ...old, ...record, updated: updated ?? this.now() });
	}

	/** Changes fields of an existing record (its updated moves to now). */
	update(collection: PulledCollection, id: string, patch: Record<string, unknown>): void {
		const old = this.#rows[collection].get(id);
		if (!old) throw new Error(`no ${collection} ${id}`);
		this.put(collection, { ...old, ...patch, id });
	}

	get(collection: PulledCollection, id: string): WireRecord | undefined {
		return this.#rows[collection].get(id);
	}

	/** Deletes a record and leaves its tombstone. */
	remove(collection: PulledCollection, id: string): void {
		this.#rows[collection].delete(id);
		this.#tombstone(collection, id);
	}

	/** A stall that stops being verified leaves a tombstone; its products just vanish. */
	setVerification(stallId: string, verification: string): void {
		const stall = this.#rows.stalls.get(stallId);
		if (!stall) throw new Error(`no stall ${stallId}`);
		this.put('stalls', { ...stall, verification });
		if (stall.verification === 'verified' && verification !== 'verified') {
			this.#tombstone('stalls', stallId);
		}
	}

	transport(): CatalogTransport {
		return {
			version: async () => ({
				version: this.version,
				dataset: this.dataset,
				serverTime: this.now()
			}),
			list: async (q) => {
				if (this.failWhen?.(this.requests.length + 1)) {
					throw new AppError('network', 'connection reset');
				}
				const page = [...this.#rows[q.collection].values()]
					.filter((r) => this.#visible(q.collection, r))
					.filter((r) => !q.only || q.only.values.includes(String(r[q.only.field])))
					.filter((r) => compareCursor(r, q.after) > 0)
					.sort(compareCursor)
					.slice(0, q.limit);
				this.requests.push({ ...structuredClone(q), answered: page.map((r) => r.id) });
				return page.map((r) => structuredClone(r));
			}
		};
	}

	#visible(collection: PulledCollection, r: WireRecord): boolean {
		if (collection === 'stalls') return r.verification === 'verified';
		if (collection === 'products') {
			return this.#rows.stalls.get(String(r.stall))?.verification === 'verified';
		}
		return true;
	}

	#tombstone(coll: PulledCollection, record: string): void {
		const id = `tomb${String(++this.#seq).padStart(11, '0')}`;
		this.#rows.tombstones.set(id, { id, coll, record, updated: this.now() });
	}
}

/** Wire records of the demo shapes, with what a test cares about overridden. */
export const wire = {
	category: (id: string, name: string, sort: number, extra: Record<string, unknown> = {}) => ({
		id,
		slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		name_en: name,
		sort,
		active: true,
		...extra
	}),
	opd: (id: string, name: string) => ({
		id,
		code: id.slice(0, 6).toUpperCase(),
		name,
		address: 'Jl. Tugu No. 1',
		active: true
	}),
	stall: (id: string, name: string, kecamatan: string, extra: Record<string, unknown> = {}) => ({
		id,
		name,
		slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		owner_name: 'Sri Wahyuni',
		description: '',
		address: 'Jl. Sanan No. 12',
		kecamatan,
		categories: [],
		hours: { open: '07:00', close: '17:00', days: [1, 2, 3, 4, 5, 6] },
		is_open: true,
		verification: 'verified',
		...extra
	}),
	product: (
		id: string,
		stall: string,
		category: string,
		name: string,
		price: number,
		extra: Record<string, unknown> = {}
	) => ({
		id,
		stall,
		category,
		name,
		description: '',
		unit: 'bungkus',
		price,
		stock: 10,
		image: '',
		active: true,
		...extra
	})
};

/** A 15-character id from a prefix and a number: readable in failures. */
export const testId = (prefix: string, n: number) =>
	`${prefix}${String(n).padStart(15 - prefix.length, '0')}`;
