import { parseNip, type NipCode } from './nip';

export type Role = 'buyer' | 'seller' | 'admin';
export const roles: readonly Role[] = ['buyer', 'seller', 'admin'];

export type SignInInput = { role: Role; identity: string; password: string };
export type SignInCode = NipCode | 'email_required' | 'email_format' | 'password_required';
export type SignInErrors = Partial<Record<'identity' | 'password', SignInCode>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a sign-in form before any request: buyers sign in by NIP (checked by the
 * shared NIP rule), sellers and admins by email. Returns the normalized identity.
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
	} else if (!EMAIL.test(identity)) {
		errors.identity = 'email_format';
	} else {
		identity = identity.toLowerCase();
	}

	if (input.password === '') errors.password = 'password_required';

	return Object.keys(errors).length === 0 ? { ok: true, identity } : { ok: false, errors };
}
