import * as z from 'zod/mini';
import type { Role } from '$lib/domain/signin';

/** Who is signed in, with what their landing page shows; read from the auth record. */
export type Account =
	| { role: 'buyer'; id: string; name: string; nip: string; opdName: string }
	| { role: 'seller'; id: string; name: string; stallName: string }
	| { role: 'admin'; id: string; name: string };

/** Each role's auth collection, and the relation its sign-in expands for the landing page. */
export const authCollections: Record<Role, { name: string; expand?: string }> = {
	buyer: { name: 'buyers', expand: 'opd' },
	seller: { name: 'sellers', expand: 'stall' },
	admin: { name: 'admins' }
};

const named = z.object({ name: z.string() });
const base = { id: z.string(), name: z.string() };

const authRecord = z.discriminatedUnion('collectionName', [
	z.object({
		...base,
		collectionName: z.literal('buyers'),
		nip: z.string(),
		expand: z.optional(z.object({ opd: z.optional(named) }))
	}),
	z.object({
		...base,
		collectionName: z.literal('sellers'),
		expand: z.optional(z.object({ stall: z.optional(named) }))
	}),
	z.object({ ...base, collectionName: z.literal('admins') })
]);

/** The account an auth record stands for, or null if it is none of the app's roles. */
export function accountOf(record: unknown): Account | null {
	const parsed = authRecord.safeParse(record);
	if (!parsed.success) return null;
	const r = parsed.data;
	switch (r.collectionName) {
		case 'buyers':
			return {
				role: 'buyer',
				id: r.id,
				name: r.name,
				nip: r.nip,
				opdName: r.expand?.opd?.name ?? ''
			};
		case 'sellers':
			return { role: 'seller', id: r.id, name: r.name, stallName: r.expand?.stall?.name ?? '' };
		case 'admins':
			return { role: 'admin', id: r.id, name: r.name };
	}
}
