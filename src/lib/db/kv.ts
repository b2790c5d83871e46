import type { MalproDB } from './db';

/** Reads a value kept under key, or undefined. */
export async function getValue(db: MalproDB, key: string): Promise<unknown> {
	return (await db.kv.get(key))?.value;
}

export async function putValue(db: MalproDB, key: string, value: unknown): Promise<void> {
	await db.kv.put({ key, value });
}

export async function deleteValue(db: MalproDB, key: string): Promise<void> {
	await db.kv.delete(key);
}
