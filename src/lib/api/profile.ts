import * as z from 'zod/mini';
import { kecamatanList } from '$lib/domain/kecamatan';
import { normalizePhone } from '$lib/domain/phone';
import { client } from './client';
import { toAppError } from './errors';

/**
 * What a buyer may change about themselves. The NIP is not here: it is who they
 * are (and their sign-in), fixed by the city. Unknown keys are dropped, so a NIP
 * can never be sent from this schema. Messages are i18n error codes.
 */
export const profileUpdate = z.object({
	name: z
		.string()
		.check(z.trim(), z.minLength(1, 'name_required'), z.maxLength(120, 'name_too_long')),
	phone: z.pipe(
		z.string(),
		z.transform((input, ctx) => {
			const phone = normalizePhone(input);
			if (phone.ok) return phone.value;
			ctx.issues.push({ code: 'custom', message: phone.code, input });
			return z.NEVER;
		})
	),
	address: z.string().check(z.trim(), z.maxLength(300, 'address_too_long')),
	kecamatan: z.enum(['', ...kecamatanList], 'kecamatan_invalid'),
	opd: z.string().check(z.regex(/^[a-z0-9]{15}$/, 'opd_required'))
});

/** What is sent once checked (trimmed, phone as +628…), and the form as typed. */
export type ProfileUpdate = z.output<typeof profileUpdate>;
export type ProfileField = keyof ProfileUpdate;
export type ProfileDraft = Record<ProfileField, string>;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Checks a profile form: the normalized update, or an error code per field. */
export function checkProfile(
	draft: ProfileDraft
): { ok: true; value: ProfileUpdate } | { ok: false; errors: ProfileErrors } {
	const parsed = profileUpdate.safeParse(draft);
	if (parsed.success) return { ok: true, value: parsed.data };
	const errors: ProfileErrors = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path[0] as ProfileField;
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

const buyerRecord = z.object({
	id: z.string(),
	nip: z.string(),
	name: z.string(),
	phone: z.string(),
	address: z.string(),
	kecamatan: z.string(),
	opd: z.string()
});
/** A buyer's profile as the server has it. */
export type Profile = z.infer<typeof buyerRecord>;

/** Reads a buyer's profile from the server. */
export async function loadProfile(id: string): Promise<Profile> {
	const pb = await client();
	try {
		return buyerRecord.parse(await pb.collection('buyers').getOne(id));
	} catch (err) {
		throw toAppError(err);
	}
}

/**
 * Saves a checked profile. The SDK also refreshes the kept auth record (expanded
 * OPD included), so the greeting shows the new name and OPD.
 */
export async function saveProfile(id: string, update: ProfileUpdate): Promise<Profile> {
	const pb = await client();
	try {
		return buyerRecord.parse(await pb.collection('buyers').update(id, update, { expand: 'opd' }));
	} catch (err) {
		throw toAppError(err, 'profile_rejected');
	}
}
