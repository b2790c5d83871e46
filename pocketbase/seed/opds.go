package seed

import "fmt"

// opd is a city work unit (Organisasi Perangkat Daerah); buyers belong to one.
type opd struct {
	code    string
	name    string
	address string
}

// Perkantoran Terpadu is the city's office complex on Jl. Mayjen Sungkono;
// the Balai Kota is at Jl. Tugu No. 1.
const (
	perkantoranTerpadu = "Perkantoran Terpadu Gedung %s, Jl. Mayjen Sungkono, Arjowinangun, Kedungkandang, Kota Malang"
	balaiKota          = "Balai Kota Malang, Jl. Tugu No. 1, Kiduldalem, Klojen, Kota Malang"
)

var opds = []opd{
	{"SETDA", "Sekretariat Daerah Kota Malang", balaiKota},
	{"DISKOMINFO", "Dinas Komunikasi dan Informatika", fmt.Sprintf(perkantoranTerpadu, "A Lantai 4")},
	{"DISKOPINDAG", "Dinas Koperasi, Perindustrian dan Perdagangan", fmt.Sprintf(perkantoranTerpadu, "B Lantai 3")},
	{"DISPANGTAN", "Dinas Ketahanan Pangan dan Pertanian", "Jl. Ahmad Yani Utara No. 202, Polowijen, Blimbing, Kota Malang"},
	{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah", balaiKota},
	{"DINKES", "Dinas Kesehatan", "Jl. Simpang Laksda Adi Sucipto No. 45, Pandanwangi, Blimbing, Kota Malang"},
	{"DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", "Jl. Veteran No. 19, Ketawanggede, Lowokwaru, Kota Malang"},
	{"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", balaiKota},
	{"DPUPRPKP", "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman", "Jl. Bingkil No. 1, Ciptomulyo, Sukun, Kota Malang"},
	{"DLH", "Dinas Lingkungan Hidup", "Jl. Mojopahit No. 1, Kiduldalem, Klojen, Kota Malang"},
	{"DISHUB", "Dinas Perhubungan", "Jl. Raden Intan No. 1, Arjosari, Blimbing, Kota Malang"},
	{"SATPOL-PP", "Satuan Polisi Pamong Praja", "Jl. Simpang Mojopahit No. 1, Kiduldalem, Klojen, Kota Malang"},
	{"BPKAD", "Badan Pengelola Keuangan dan Aset Daerah", balaiKota},
	{"BAPENDA", "Badan Pendapatan Daerah", fmt.Sprintf(perkantoranTerpadu, "B Lantai 1")},
	{"DISPORAPAR", "Dinas Kepemudaan, Olahraga dan Pariwisata", "Jl. Tenes No. 1A, Bareng, Klojen, Kota Malang"},
	{"DINSOS-P3AP2KB", "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "Jl. Sulfat No. 12, Bunulrejo, Blimbing, Kota Malang"},
	{"DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", fmt.Sprintf(perkantoranTerpadu, "A Lantai 2")},
	{"DISNAKER-PMPTSP", "Dinas Tenaga Kerja, Penanaman Modal dan Pelayanan Terpadu Satu Pintu", fmt.Sprintf(perkantoranTerpadu, "A Lantai 1")},
	{"INSPEKTORAT", "Inspektorat Daerah", "Jl. Gajah Mada No. 2A, Kiduldalem, Klojen, Kota Malang"},
	{"KEC-BLIMBING", "Kecamatan Blimbing", "Jl. Raden Intan No. 7, Polowijen, Blimbing, Kota Malang"},
	{"KEC-KEDUNGKANDANG", "Kecamatan Kedungkandang", "Jl. Mayjen Sungkono No. 59, Buring, Kedungkandang, Kota Malang"},
	{"KEC-KLOJEN", "Kecamatan Klojen", "Jl. Surabaya No. 6, Gading Kasri, Klojen, Kota Malang"},
	{"KEC-LOWOKWARU", "Kecamatan Lowokwaru", "Jl. Cengger Ayam I No. 12, Tulusrejo, Lowokwaru, Kota Malang"},
	{"KEC-SUKUN", "Kecamatan Sukun", "Jl. Keben I No. 1, Bandungrejosari, Sukun, Kota Malang"},
}
