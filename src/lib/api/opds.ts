import * as z from 'zod/mini';
import { client } from './client';
import { toAppError } from './errors';

const opdRecord = z.object({
	id: z.string(),
	code: z.string(),
	name: z.string(),
	active: z.boolean()
});
export type Opd = z.infer<typeof opdRecord>;

/** Every OPD (the city's agencies; a public list), by name. */
export async function listOpds(): Promise<Opd[]> {
	const pb = await client();
	try {
		const rows = await pb
			.collection('opds')
			.getFullList({ sort: 'name', fields: 'id,code,name,active' });
		return z.array(opdRecord).parse(rows);
	} catch (err) {
		throw toAppError(err);
	}
}
