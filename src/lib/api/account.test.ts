import { describe, expect, it } from 'vitest';
import { adminRecord, buyerRecord, sellerRecord } from '$lib/testing/auth-fixtures';
import { accountOf } from './account';

describe('accountOf', () => {
	it('reads a buyer with the OPD name from the expanded relation', () => {
		expect(accountOf(buyerRecord)).toEqual({
			role: 'buyer',
			id: 'budi00000000001',
			name: 'Budi Santoso',
			nip: '198507142010011002',
			opdName: 'Dinas Komunikasi dan Informatika'
		});
	});

	it('reads a seller with the stall name, and an admin', () => {
		expect(accountOf(sellerRecord)).toEqual({
			role: 'seller',
			id: 'sanan0000000001',
			name: 'Bu Sri',
			stallName: 'Keripik Tempe Sanan'
		});
		expect(accountOf(adminRecord)).toEqual({
			role: 'admin',
			id: 'admin0000000001',
			name: 'Admin Kota'
		});
	});

	it('still signs in without the expansion (names left empty)', () => {
		expect(accountOf({ ...buyerRecord, expand: undefined })).toMatchObject({
			role: 'buyer',
			opdName: ''
		});
	});

	it('is null for a superuser, another collection or nothing', () => {
		expect(accountOf({ id: 'x', collectionName: '_superusers', name: 'root' })).toBeNull();
		expect(accountOf({ ...buyerRecord, nip: undefined })).toBeNull();
		expect(accountOf(null)).toBeNull();
	});
});
