const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An id made on the device: 15 characters [a-z0-9], as PocketBase ids are.
 * Rejection sampling keeps every character equally likely.
 */
export function newId(
	getRandomValues: (a: Uint8Array<ArrayBuffer>) => Uint8Array = (a) => crypto.getRandomValues(a)
): string {
	let id = '';
	while (id.length < 15) {
		for (const byte of getRandomValues(new Uint8Array(32))) {
			if (byte < 252 && id.length < 15) id += ALPHABET[byte % 36];
		}
	}
	return id;
}

export const isId = (s: unknown): s is string => typeof s === 'string' && /^[a-z0-9]{15}$/.test(s);
