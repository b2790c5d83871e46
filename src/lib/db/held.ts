import type { CatalogCollection } from '$lib/api/catalog-records';
import type { HeldIds } from '$lib/sync/catalog-types';
import type { MutationName } from '$lib/sync/types';
import type { MalproDB } from './db';

/** The catalog rows a mutation changes on the device before the server has it. */
export type CatalogTouches = Partial<
	Record<MutationName, (args: Record<string, unknown>) => { coll: CatalogCollection; id: string }[]>
>;

/**
 * None today: buyers' and sellers' mutations change orders, not the cached
 * catalog (an order's stock is taken on the server). A mutation that edits a
 * product or a stall on the device lists what it touches here, and the pull
 * leaves those rows alone until the server has answered for it.
 */
export const catalogTouches: CatalogTouches = {};

/** The catalog rows that unsent (pending or sent) mutations touch, of any account. */
export async function heldCatalogIds(
	db: MalproDB,
	touches: CatalogTouches = catalogTouches
): Promise<HeldIds> {
	if (Object.keys(touches).length === 0) return {};
	const unsent = await db.outbox
		.filter((e) => (e.state === 'pending' || e.state === 'sent') && e.name in touches)
		.toArray();
	const held: Record<string, Set<string>> = {};
	for (const entry of unsent) {
		for (const { coll, id } of touches[entry.name]?.(entry.args) ?? []) {
			(held[coll] ??= new Set()).add(id);
		}
	}
	return held;
}
