/** An unsigned JWT whose only claim that matters to the SDK is `exp` (seconds). Tests only. */
export function fakeToken(expiresInSeconds: number, claims: Record<string, unknown> = {}): string {
	const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
	const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
	return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp, type: 'auth', ...claims })}.sig`;
}

/** Auth records as PocketBase returns them from auth-with-password?expand=… */
export const buyerRecord = {
	id: 'budi00000000001',
	collectionId: 'pbc_buyers',
	collectionName: 'buyers',
	nip: '198507142010011002',
	name: 'Budi Santoso',
	opd: 'opddiskominfo01',
	phone: '',
	address: '',
	kecamatan: '',
	expand: { opd: { id: 'opddiskominfo01', name: 'Dinas Komunikasi dan Informatika' } }
};

export const sellerRecord = {
	id: 'sanan0000000001',
	collectionId: 'pbc_sellers',
	collectionName: 'sellers',
	name: 'Bu Sri',
	stall: 'stallsanan00001',
	expand: { stall: { id: 'stallsanan00001', name: 'Keripik Tempe Sanan' } }
};

export const adminRecord = {
	id: 'admin0000000001',
	collectionId: 'pbc_admins',
	collectionName: 'admins',
	name: 'Admin Kota'
};
