import { describe, expect, it } from 'vitest';
import { checkSignIn } from './signin';

describe('checkSignIn', () => {
	it('accepts a buyer NIP with spaces and normalizes it', () => {
		expect(
			checkSignIn({ role: 'buyer', identity: '19850714 201001 1 002', password: 'x' })
		).toEqual({ ok: true, identity: '198507142010011002' });
	});

	it('names the NIP rule broken before any request', () => {
		expect(checkSignIn({ role: 'buyer', identity: '12345', password: 'x' })).toEqual({
			ok: false,
			errors: { identity: 'nip_length' }
		});
	});

	it('checks seller and admin emails and lower-cases them', () => {
		expect(
			checkSignIn({ role: 'seller', identity: 'Kopi.Dampit@Malpro.test', password: 'x' })
		).toEqual({ ok: true, identity: 'kopi.dampit@malpro.test' });
		expect(checkSignIn({ role: 'admin', identity: 'admin', password: '' })).toEqual({
			ok: false,
			errors: { identity: 'email_format', password: 'password_required' }
		});
		expect(checkSignIn({ role: 'seller', identity: ' ', password: 'x' })).toEqual({
			ok: false,
			errors: { identity: 'email_required' }
		});
	});

	it('lets a seller sign in by mobile number, sent as +628…', () => {
		expect(checkSignIn({ role: 'seller', identity: '0812 3456 7899', password: 'x' })).toEqual({
			ok: true,
			identity: '+6281234567899'
		});
		expect(checkSignIn({ role: 'seller', identity: '+62 812-3456-7899', password: 'x' })).toEqual({
			ok: true,
			identity: '+6281234567899'
		});
		expect(checkSignIn({ role: 'seller', identity: '0341 551234', password: 'x' })).toEqual({
			ok: false,
			errors: { identity: 'phone_mobile' }
		});
	});

	it('keeps admins to email: a number is not an admin identity', () => {
		expect(checkSignIn({ role: 'admin', identity: '081234567899', password: 'x' })).toEqual({
			ok: false,
			errors: { identity: 'email_format' }
		});
	});
});
