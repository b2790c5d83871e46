import { parseNip, type NipCode } from './nip';
import { normalizePhone, type PhoneCode } from './phone';

export type Role = 'buyer' | 'seller' | 'admin';
export const roles: readonly Role[] = ['buyer', 'seller', 'admin'];

export type SignInInput = { role: Role; identity: string; password: string };
export type SignInCode =
	NipCode | PhoneCode | 'email_required' | 'email_format' | 'password_required';
export type SignInErrors = Partial<Record<'identity' | 'password', SignInCode>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// what a seller types when they mean a phone number: no "@", starts like one
const LOOKS_LIKE_PHONE = /^[+0-9(]/;

/**
 * Checks a sign-in form before any request: buyers sign in by NIP (checked by the
 * shared NIP rule), admins by email, sellers by email or mobile number (sent as
 * +628…, the form the server stores). Returns the normalized identity.
 */
export function checkSignIn(
	input: SignInInput
): { ok: true; identity: string } | { ok: false; errors: SignInErrors } {
	const errors: SignInErrors = {};
	let identity = input.identity.trim();

	if (input.role === 'buyer') {
		const nip = parseNip(identity);
		if (nip.ok) identity = nip.value.value;
		else errors.identity = nip.code;
	} else if (identity === '') {
		errors.identity = 'email_required';
	} else if (
		input.role === 'seller' &&
		!identity.includes('@') &&
		LOOKS_LIKE_PHONE.test(identity)
	) {
		const phone = normalizePhone(identity);
		if (phone.ok) identity = phone.value;
		else errors.identity = phone.code;
	} else if (!EMAIL.test(identity)) {
		errors.identity = 'email_format';
	} else {
		identity = identity.toLowerCase();
	}

	if (input.password === '') errors.password = 'password_required';

	return Object.keys(errors).length === 0 ? { ok: true, identity } : { ok: false, errors };
}
