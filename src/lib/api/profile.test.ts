import { describe, expect, it } from 'vitest';
import { checkProfile, type ProfileDraft } from './profile';

const draft: ProfileDraft = {
	name: '  Budi Santoso ',
	phone: '0812 3456 7899',
	address: ' Jl. Tugu No. 1 ',
	kecamatan: 'klojen',
	opd: 'opddiskominfo01'
};

describe('checkProfile', () => {
	it('normalizes what is sent: trimmed, phone as +628…', () => {
		expect(checkProfile(draft)).toEqual({
			ok: true,
			value: {
				name: 'Budi Santoso',
				phone: '+6281234567899',
				address: 'Jl. Tugu No. 1',
				kecamatan: 'klojen',
				opd: 'opddiskominfo01'
			}
		});
	});

	it('never sends a NIP, even if one is passed in', () => {
		const got = checkProfile({ ...draft, nip: '199203252019032001' } as ProfileDraft);
		expect(got.ok && Object.keys(got.value)).toEqual([
			'name',
			'phone',
			'address',
			'kecamatan',
			'opd'
		]);
	});

	it('allows an empty address and no kecamatan yet', () => {
		expect(checkProfile({ ...draft, address: '', kecamatan: '' }).ok).toBe(true);
	});

	it.each([
		['0812', 'phone_length'],
		['', 'phone_required'],
		['0341 551234', 'phone_mobile'],
		['08l2 3456 7899', 'phone_digits']
	])('names the phone rule broken: %s → %s (shared vector codes)', (phone, code) => {
		expect(checkProfile({ ...draft, phone })).toEqual({ ok: false, errors: { phone: code } });
	});

	it('names each field that is wrong, once', () => {
		expect(
			checkProfile({
				name: '   ',
				phone: '0812 3456 7899',
				address: 'x'.repeat(301),
				kecamatan: 'Klojen',
				opd: ''
			})
		).toEqual({
			ok: false,
			errors: {
				name: 'name_required',
				address: 'address_too_long',
				kecamatan: 'kecamatan_invalid',
				opd: 'opd_required'
			}
		});
		expect(checkProfile({ ...draft, name: 'x'.repeat(121) })).toEqual({
			ok: false,
			errors: { name: 'name_too_long' }
		});
	});
});
