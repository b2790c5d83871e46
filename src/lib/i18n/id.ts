/** Bahasa Indonesia: the app's first language. Every other locale has the same keys. */
export const id = {
	'app.name': 'Malpro',
	'app.tagline': 'Malang Beli Produk Lokal',
	'app.skipToContent': 'Lompat ke isi',
	'lang.switch': 'English',
	'signin.title': 'Masuk',
	'signin.intro': 'Belanja produk UMKM Kota Malang. Masuk sesuai peran Anda.',
	'signin.role': 'Masuk sebagai',
	'signin.role.buyer': 'ASN (pembeli)',
	'signin.role.seller': 'Penjual',
	'signin.role.admin': 'Admin kota',
	'signin.nip': 'NIP',
	'signin.nipHint': '18 angka, boleh dengan spasi',
	'signin.email': 'Email',
	'signin.password': 'Kata sandi',
	'signin.submit': 'Masuk',
	'signin.working': 'Sedang masuk…',
	'signin.browse': 'Lihat katalog tanpa masuk',
	'signin.demo': 'Akun demo (kata sandi malpro123)',
	'error.nip_required': 'NIP wajib diisi.',
	'error.nip_length': 'NIP harus 18 angka. Periksa lagi NIP Anda.',
	'error.nip_digits': 'NIP hanya berisi angka.',
	'error.nip_birth_date': 'NIP tidak valid: 8 angka pertama harus tanggal lahir (TTTTBBHH).',
	'error.nip_appointment':
		'NIP tidak valid: angka ke-9 sampai ke-14 harus tahun dan bulan pengangkatan.',
	'error.nip_sex': 'NIP tidak valid: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan).',
	'error.nip_sequence': 'NIP tidak valid: 3 angka terakhir tidak boleh 000.',
	'error.email_required': 'Email wajib diisi.',
	'error.email_format': 'Format email tidak valid, contoh: nama@contoh.id.',
	'error.password_required': 'Kata sandi wajib diisi.',
	'error.wrong_credentials': 'NIP/email atau kata sandi salah. Coba lagi.',
	'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
	'error.unknown': 'Terjadi kesalahan. Coba lagi sebentar lagi.',
	'notFound.title': 'Halaman tidak ditemukan',
	'notFound.back': 'Kembali ke beranda'
} as const;

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;
