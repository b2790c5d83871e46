import * as z from 'zod/mini';
import { kecamatanList } from '$lib/domain/kecamatan';

/**
 * The catalog as it crosses the wire (PocketBase records, snake_case) and as it
 * is kept on the device (camelCase rows). A record that does not fit is skipped
 * and counted by the pull, never stored half-read.
 */

/** PocketBase's record time, "2026-11-28 12:00:00.123Z": it sorts and compares as a string. */
const recordTime = z.string().check(z.regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/));
const RECORD_ID = /^[a-z0-9]{1,50}$/;
const recordId = z.string().check(z.regex(RECORD_ID));
/** Whether `id` is written as the server writes record ids (anything else names no record). */
export const isRecordId = (id: string): boolean => RECORD_ID.test(id);
const rupiah = z.int().check(z.minimum(0));

const stallHours = z.object({
	open: z.string(),
	close: z.string(),
	/** 1 = Monday … 7 = Sunday */
	days: z.array(z.int())
});
export type StallHours = z.infer<typeof stallHours>;

export const stallRecord = z.pipe(
	z.object({
		id: recordId,
		name: z.string(),
		slug: z.string(),
		owner_name: z.string(),
		description: z.string(),
		address: z.string(),
		kecamatan: z.enum(kecamatanList),
		categories: z.array(recordId),
		// opening hours are a convenience: odd ones do not cost the stall its place
		hours: z.catch(z.nullable(stallHours), null),
		is_open: z.boolean(),
		verification: z.string(),
		updated: recordTime
	}),
	z.transform((r) => ({
		id: r.id,
		name: r.name,
		slug: r.slug,
		ownerName: r.owner_name,
		description: r.description,
		address: r.address,
		kecamatan: r.kecamatan,
		categories: r.categories,
		hours: r.hours,
		isOpen: r.is_open,
		verification: r.verification,
		updated: r.updated
	}))
);
/** A stall in the catalog: verified ones only, closed ones too (shown as closed). */
export type Stall = z.output<typeof stallRecord>;

export const categoryRecord = z.pipe(
	z.object({
		id: recordId,
		slug: z.string(),
		name: z.string(),
		name_en: z.string(),
		sort: z.int(),
		active: z.boolean(),
		updated: recordTime
	}),
	z.transform((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		nameEn: r.name_en,
		sort: r.sort,
		active: r.active,
		updated: r.updated
	}))
);
export type Category = z.output<typeof categoryRecord>;

export const opdRecord = z.object({
	id: recordId,
	code: z.string(),
	name: z.string(),
	address: z.string(),
	active: z.boolean(),
	updated: recordTime
});
/** A city agency (OPD): where orders are delivered. */
export type OpdRow = z.output<typeof opdRecord>;

const productFields = z.object({
	id: recordId,
	stall: recordId,
	category: recordId,
	name: z.string(),
	description: z.string(),
	unit: z.string(),
	/** integer rupiah */
	price: rupiah,
	stock: z.int().check(z.minimum(0)),
	/** a file name under /api/files/products/<id>/, or '' */
	image: z.string(),
	/** an inactive product is no longer sold: kept so the device learns of it */
	active: z.boolean(),
	updated: recordTime
});

/**
 * A listed (active) product's category and stall again, under keys of their own
 * that an inactive product does not have: the database indexes them
 * (src/lib/db/schema.ts) to count listed products without reading any.
 */
export type ListedKeys = { listedCategory?: string; listedStall?: string };

export const productRecord = z.pipe(
	productFields,
	z.transform((p): z.output<typeof productFields> & ListedKeys =>
		p.active ? { ...p, listedCategory: p.category, listedStall: p.stall } : p
	)
);
export type Product = z.output<typeof productRecord>;

export const tombstoneRecord = z.object({
	id: recordId,
	coll: z.string(),
	record: z.string(),
	updated: recordTime
});
/** The server's note that a catalog row is gone (deleted, or its stall no longer verified). */
export type Tombstone = z.output<typeof tombstoneRecord>;

/** The catalog collections a device keeps, in the order they are pulled. */
export const catalogCollections = ['categories', 'opds', 'stalls', 'products'] as const;
export type CatalogCollection = (typeof catalogCollections)[number];
/** Everything pulled with an (updated, id) cursor. */
export type PulledCollection = CatalogCollection | 'tombstones';

export type CatalogRow = {
	categories: Category;
	opds: OpdRow;
	stalls: Stall;
	products: Product;
};

/** Each pulled collection's schema: from a wire record to the row kept on the device. */
export const recordSchemas = {
	categories: categoryRecord,
	opds: opdRecord,
	stalls: stallRecord,
	products: productRecord,
	tombstones: tombstoneRecord
} as const;

/** The fields asked for (`fields=`): no more bytes than the device keeps. */
export const recordFields: Record<PulledCollection, string> = {
	categories: 'id,slug,name,name_en,sort,active,updated',
	opds: 'id,code,name,address,active,updated',
	stalls:
		'id,name,slug,owner_name,description,address,kecamatan,categories,hours,is_open,verification,updated',
	products: 'id,stall,category,name,description,unit,price,stock,image,active,updated',
	tombstones: 'id,coll,record,updated'
};

/**
 * The `fields=` entries for a related record expanded at `path` (`expand.<path>.<field>`):
 * the same fields the device keeps of its collection.
 */
export const expandedFields = (path: string, collection: PulledCollection): string[] =>
	recordFields[collection].split(',').map((field) => `expand.${path}.${field}`);

export const isCatalogCollection = (c: string): c is CatalogCollection =>
	(catalogCollections as readonly string[]).includes(c);

/** The row kept for a record of collection C. */
export type RowOf<C extends PulledCollection> = C extends CatalogCollection
	? CatalogRow[C]
	: Tombstone;

/** Parses one record; null if it does not fit (the caller counts it). */
export function parseRecord<C extends PulledCollection>(
	collection: C,
	raw: unknown
): RowOf<C> | null {
	const parsed = recordSchemas[collection].safeParse(raw);
	return parsed.success ? (parsed.data as RowOf<C>) : null;
}
