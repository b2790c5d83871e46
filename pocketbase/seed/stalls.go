package seed

// Hours is a stall's opening time as stored in stalls.hours; days are
// 1 = Monday … 7 = Sunday, times are WIB.
type Hours struct {
	Open  string `json:"open"`
	Close string `json:"close"`
	Days  []int  `json:"days"`
}

var (
	hoursSixDays  = Hours{"07:00", "17:00", []int{1, 2, 3, 4, 5, 6}}
	hoursOffice   = Hours{"08:00", "16:00", []int{1, 2, 3, 4, 5}}
	hoursDaily    = Hours{"08:00", "21:00", []int{1, 2, 3, 4, 5, 6, 7}}
	hoursEvening  = Hours{"15:00", "23:00", []int{1, 2, 3, 4, 5, 6, 7}}
	hoursMarket   = Hours{"05:00", "12:00", []int{1, 2, 3, 4, 5, 6, 7}}
	hoursWeekends = Hours{"09:00", "17:00", []int{2, 3, 4, 5, 6, 7}} // closed Mondays
)

// stall is one UMKM in the demo city. Its products come from its catalog.
type stall struct {
	slug        string
	name        string
	owner       string
	kecamatan   string
	address     string
	description string
	catalog     string // key of catalogs
	hours       Hours
	phone       string // fixed for the demo sellers' stalls; otherwise generated
	closed      bool   // is_open = false: shows a closed stall
	pending     bool   // verification = "pending": exercises the visibility rules
}

var stalls = []stall{
	// Blimbing: Sanan (tempe chips), Polowijen (masks), Balearjosari (rattan)
	{
		slug: SananStallSlug, name: "Keripik Tempe Sanan", owner: "Sri Wahyuni", kecamatan: "blimbing",
		address:     "Jl. Sanan No. 12, Purwantoro, Blimbing",
		description: "Keripik tempe buatan rumah dari sentra Sanan sejak 1998, digoreng setiap pagi.",
		catalog:     "keripik", hours: hoursSixDays, phone: "+6281333000001",
	},
	{
		slug: "keripik-tempe-bu-rohani", name: "Keripik Tempe Bu Rohani", owner: "Rohani", kecamatan: "blimbing",
		address:     "Jl. Sanan Gang III No. 7, Purwantoro, Blimbing",
		description: "Keripik tempe tipis aneka rasa, resep keluarga turun-temurun di Kampung Sanan.",
		catalog:     "keripik", hours: hoursSixDays,
	},
	{
		slug: "keripik-buah-arjosari", name: "Keripik Buah Arjosari", owner: "Tutik Handayani", kecamatan: "blimbing",
		address:     "Jl. Raden Intan Kav. 14, Arjosari, Blimbing",
		description: "Keripik buah vakum dan keripik tempe untuk oleh-oleh, dekat Terminal Arjosari.",
		catalog:     "keripik", hours: hoursDaily,
	},
	{
		slug: "topeng-malangan-kedungmonggo", name: "Topeng Malangan Kedungmonggo", owner: "Tri Handoyo", kecamatan: "blimbing",
		address:     "Jl. Cakalang No. 145, Polowijen, Blimbing",
		description: "Pemahat topeng Malangan murid sanggar Kedungmonggo, kini berkarya di Kampung Budaya Polowijen.",
		catalog:     "topeng", hours: hoursWeekends,
	},
	{
		slug: "anyaman-rotan-balearjosari", name: "Anyaman Rotan Balearjosari", owner: "Mulyono", kecamatan: "blimbing",
		address:     "Jl. Raya Balearjosari No. 33, Balearjosari, Blimbing",
		description: "Perabot dan hiasan rumah dari rotan dan bambu, dikerjakan perajin Balearjosari.",
		catalog:     "mebel", hours: hoursSixDays,
	},
	{
		slug: "gamis-jilbab-bunulrejo", name: "Gamis & Jilbab Bunulrejo", owner: "Nur Aini", kecamatan: "blimbing",
		address:     "Jl. Hamid Rusdi No. 88, Bunulrejo, Blimbing",
		description: "Gamis, jilbab, dan busana muslimah jahitan sendiri dengan harga konveksi.",
		catalog:     "wanita", hours: hoursDaily,
	},
	{
		slug: "tahu-telor-jodipan", name: "Tahu Telor & Orem-orem Jodipan", owner: "Sumiati", kecamatan: "blimbing",
		address:     "Jl. Ir. H. Juanda No. 21, Jodipan, Blimbing",
		description: "Warung masakan khas Malang di tepi Kampung Warna-warni Jodipan.",
		catalog:     "kuliner", hours: hoursEvening,
	},
	{
		slug: "dekorasi-tenda-pengantin-blimbing", name: "Dekorasi & Tenda Pengantin Blimbing", owner: "Agus Setiawan", kecamatan: "blimbing",
		address:     "Jl. Laksda Adi Sucipto No. 160, Pandanwangi, Blimbing",
		description: "Sewa tenda, kursi, dan dekorasi pelaminan untuk hajatan di rumah maupun gedung.",
		catalog:     "pernikahan", hours: hoursSixDays,
	},
	{
		slug: "batik-warna-kesatrian", name: "Batik Warna Kesatrian", owner: "Lilik Suharti", kecamatan: "blimbing",
		address:     "Jl. Kesatrian Dalam No. 5, Kesatrian, Blimbing",
		description: "Batik Malangan cap dan tulis berwarna cerah, terinspirasi Kampung Tridi.",
		catalog:     "batik", hours: hoursSixDays,
	},

	// Kedungkandang: Madyopuro, Sawojajar, Kotalama, Buring
	{
		slug: DampitStallSlug, name: "Kopi Dampit", owner: "Slamet Riyadi", kecamatan: "kedungkandang",
		address:     "Jl. Ki Ageng Gribig No. 45, Madyopuro, Kedungkandang",
		description: "Kopi robusta dari kebun keluarga di Dampit, disangrai sendiri di Madyopuro.",
		catalog:     "kopi", hours: hoursDaily, phone: "+6281333000003",
	},
	{
		slug: "jenang-dodol-kotalama", name: "Jenang & Dodol Kotalama", owner: "Maryam", kecamatan: "kedungkandang",
		address:     "Jl. Kebalen Wetan No. 9, Kotalama, Kedungkandang",
		description: "Jenang, dodol, dan kue oleh-oleh buatan rumah dari Kotalama.",
		catalog:     "oleholeh", hours: hoursSixDays,
	},
	{
		slug: "sayur-hidroponik-wonokoyo", name: "Sayur Hidroponik Wonokoyo", owner: "Heru Prasetyo", kecamatan: "kedungkandang",
		address:     "Jl. Raya Wonokoyo No. 17, Wonokoyo, Kedungkandang",
		description: "Kelompok tani binaan Dispangtan: sayur hidroponik, beras, dan telur segar setiap pagi.",
		catalog:     "tani", hours: hoursMarket,
	},
	{
		slug: "butik-muslimah-sawojajar", name: "Butik Muslimah Sawojajar", owner: "Fitri Anggraini", kecamatan: "kedungkandang",
		address:     "Jl. Danau Toba Blok E5 No. 12, Sawojajar, Kedungkandang",
		description: "Busana muslimah, mukena, dan kebaya modern untuk kerja dan acara.",
		catalog:     "wanita", hours: hoursDaily,
	},
	{
		slug: "bakso-bakar-sawojajar", name: "Bakso Bakar Sawojajar", owner: "Joko Susilo", kecamatan: "kedungkandang",
		address:     "Jl. Danau Kerinci Raya No. 3, Sawojajar, Kedungkandang",
		description: "Bakso Malang, bakso bakar, dan nasi kotak untuk rapat kantor.",
		catalog:     "kuliner", hours: hoursEvening,
	},
	{
		slug: "sapu-cobek-bumiayu", name: "Sapu Ijuk & Cobek Bumiayu", owner: "Sutrisno", kecamatan: "kedungkandang",
		address:     "Jl. Kyai Parseh Jaya No. 28, Bumiayu, Kedungkandang",
		description: "Sapu, cobek, dan alat dapur tradisional buatan perajin sekitar Bumiayu.",
		catalog:     "peralatan", hours: hoursSixDays,
	},
	{
		slug: "kerajinan-bambu-tlogowaru", name: "Kerajinan Bambu Tlogowaru", owner: "Wagiman", kecamatan: "kedungkandang",
		address:     "Jl. Tlogowaru No. 56, Tlogowaru, Kedungkandang",
		description: "Anyaman bambu dan kerajinan tangan dari perajin di pinggiran timur kota.",
		catalog:     "suvenir", hours: hoursWeekends, closed: true,
	},
	{
		slug: "laundry-bersih-madyopuro", name: "Laundry Bersih Madyopuro", owner: "Eko Wahyudi", kecamatan: "kedungkandang",
		address:     "Jl. Ranu Grati No. 40, Madyopuro, Kedungkandang",
		description: "Laundry kiloan, cuci karpet, dan permak pakaian dengan antar-jemput.",
		catalog:     "jahit", hours: hoursDaily,
	},
	{
		slug: "rias-pengantin-mbak-rina", name: "Rias Pengantin Mbak Rina", owner: "Rina Kusumawati", kecamatan: "kedungkandang",
		address:     "Jl. Mayjen Sungkono No. 70, Buring, Kedungkandang",
		description: "Rias pengantin adat Jawa dan muslim modern, sewa busana, dan dokumentasi.",
		catalog:     "pernikahan", hours: hoursSixDays,
	},

	// Klojen: the old centre (Kayutangan, Pasar Besar, Celaket, Kauman)
	{
		slug: "batik-malangan-celaket", name: "Batik Malangan Celaket", owner: "Anita Rahayu", kecamatan: "klojen",
		address:     "Jl. Jaksa Agung Suprapto No. 52, Rampal Celaket, Klojen",
		description: "Batik Malangan motif Tugu, teratai, dan topeng; tulis dan cap, juga seragam kantor.",
		catalog:     "batik", hours: hoursSixDays,
	},
	{
		slug: "strudel-apel-batu", name: "Strudel Apel Batu", owner: "Lina Kartika", kecamatan: "klojen",
		address:     "Jl. Kawi No. 30, Kauman, Klojen",
		description: "Strudel dan kue apel dengan apel segar dari Batu dan Poncokusumo.",
		catalog:     "oleholeh", hours: hoursDaily,
	},
	{
		slug: "sangrai-kopi-kayutangan", name: "Sangrai Kopi Kayutangan", owner: "Bayu Pratama", kecamatan: "klojen",
		address:     "Jl. Basuki Rahmat No. 88, Kauman, Klojen",
		description: "Roastery kecil di kawasan heritage Kayutangan: robusta Dampit dan arabika Tirtoyudo.",
		catalog:     "kopi", hours: hoursDaily,
	},
	{
		slug: "bakso-stasiun-pak-gito", name: "Bakso Stasiun Pak Gito", owner: "Sugito", kecamatan: "klojen",
		address:     "Jl. Trunojoyo No. 10, Kiduldalem, Klojen",
		description: "Bakso Malang dan cwie mie dekat Stasiun Malang Kota Baru sejak 1985.",
		catalog:     "kuliner", hours: hoursDaily,
	},
	{
		slug: "peci-sarung-kauman", name: "Peci & Sarung Kauman", owner: "Abdul Rohman", kecamatan: "klojen",
		address:     "Jl. Kauman No. 18, Kauman, Klojen",
		description: "Peci, sarung, koko, dan busana pria di samping Masjid Jami' Kota Malang.",
		catalog:     "pria", hours: hoursSixDays,
	},
	{
		slug: "alat-dapur-pasar-besar", name: "Toko Alat Dapur Pasar Besar", owner: "Hendra Wijaya", kecamatan: "klojen",
		address:     "Jl. Pasar Besar No. 55, Sukoharjo, Klojen",
		description: "Alat dapur, pisau, wajan, dan perkakas rumah tangga di lantai dasar Pasar Besar.",
		catalog:     "peralatan", hours: hoursMarket,
	},
	{
		slug: "gerabah-penanggungan", name: "Gerabah Penanggungan", owner: "Supriyadi", kecamatan: "klojen",
		address:     "Jl. Penanggungan No. 25, Penanggungan, Klojen",
		description: "Gerabah, celengan, dan vas tanah liat dari perajin Kampung Gerabah Penanggungan.",
		catalog:     "keramik", hours: hoursSixDays,
	},
	{
		slug: "jahit-permak-bu-ning", name: "Jasa Jahit & Permak Bu Ning", owner: "Ningsih", kecamatan: "klojen",
		address:     "Jl. Kyai Tamin No. 41, Sukoharjo, Klojen",
		description: "Jahit seragam dinas, kebaya, dan permak pakaian; bisa diambil di kantor.",
		catalog:     "jahit", hours: hoursOffice,
	},
	{
		slug: "undangan-souvenir-kasin", name: "Undangan & Souvenir Kasin", owner: "Yuliana", kecamatan: "klojen",
		address:     "Jl. Brigjen Katamso No. 14, Kasin, Klojen",
		description: "Undangan cetak, souvenir, dan hantaran pernikahan dengan desain khas Malangan.",
		catalog:     "pernikahan", hours: hoursSixDays,
	},

	// Lowokwaru: Dinoyo (ceramics), Tlogomas, Tunjungsekar (furniture), campuses
	{
		slug: "keramik-dinoyo-sentosa", name: "Keramik Dinoyo Sentosa", owner: "Sugeng Riyanto", kecamatan: "lowokwaru",
		address:     "Jl. MT Haryono Gang IX No. 2, Dinoyo, Lowokwaru",
		description: "Keramik dan gerabah lukis dari Kampung Wisata Keramik Dinoyo.",
		catalog:     "keramik", hours: hoursDaily,
	},
	{
		slug: "cwie-mie-dinoyo-pak-kumis", name: "Cwie Mie Dinoyo Pak Kumis", owner: "Kusnadi", kecamatan: "lowokwaru",
		address:     "Jl. MT Haryono No. 150, Dinoyo, Lowokwaru",
		description: "Cwie mie, bakso, dan pangsit langganan mahasiswa sejak 1992.",
		catalog:     "kuliner", hours: hoursDaily,
	},
	{
		slug: "kopi-tirtoyudo-mas-dimas", name: "Kopi Tirtoyudo Mas Dimas", owner: "Dimas Aditya", kecamatan: "lowokwaru",
		address:     "Jl. Kembang Turi No. 15, Jatimulyo, Lowokwaru",
		description: "Kopi dari petani Tirtoyudo dan Dampit, sangrai kecil setiap minggu.",
		catalog:     "kopi", hours: hoursDaily,
	},
	{
		slug: "tani-organik-tlogomas", name: "Kelompok Tani Organik Tlogomas", owner: "Sarwo Edi", kecamatan: "lowokwaru",
		address:     "Jl. Tlogomas Gang VI No. 3, Tlogomas, Lowokwaru",
		description: "Sayur, beras, dan hasil kebun organik dari kelompok tani perkotaan Tlogomas.",
		catalog:     "tani", hours: hoursMarket,
	},
	{
		slug: "kaos-ngalam-distro", name: "Kaos Ngalam Distro", owner: "Yoga Saputra", kecamatan: "lowokwaru",
		address:     "Jl. Sumbersari No. 99, Sumbersari, Lowokwaru",
		description: "Kaos, kemeja, dan jaket pria dengan desain boso walikan khas Ngalam.",
		catalog:     "pria", hours: hoursDaily,
	},
	{
		slug: "rajut-tas-merjosari", name: "Rajut & Tas Wanita Merjosari", owner: "Indah Permatasari", kecamatan: "lowokwaru",
		address:     "Jl. Joyo Agung No. 8, Merjosari, Lowokwaru",
		description: "Tas rajut, cardigan, dan busana wanita buatan tangan ibu-ibu Merjosari.",
		catalog:     "wanita", hours: hoursSixDays,
	},
	{
		slug: "mebel-tunjungsekar-jaya", name: "Mebel Tunjungsekar Jaya", owner: "Bambang Hermanto", kecamatan: "lowokwaru",
		address:     "Jl. Ikan Piranha Atas No. 120, Tunjungsekar, Lowokwaru",
		description: "Mebel kayu dan perlengkapan rumah dari sentra mebel Tunjungsekar.",
		catalog:     "mebel", hours: hoursSixDays,
	},
	{
		slug: "servis-elektronik-sumbersari", name: "Servis Elektronik Sumbersari", owner: "Andi Kurniawan", kecamatan: "lowokwaru",
		address:     "Jl. Gajayana No. 45, Ketawanggede, Lowokwaru",
		description: "Servis laptop, kulkas, dan AC, juga desain dan cetak untuk UMKM.",
		catalog:     "servis", hours: hoursOffice, closed: true,
	},
	{
		slug: "sari-apel-tlogomas", name: "Oleh-oleh Sari Apel Tlogomas", owner: "Winarti", kecamatan: "lowokwaru",
		address:     "Jl. Raya Tlogomas No. 61, Tlogomas, Lowokwaru",
		description: "Sari apel, jenang, dan kue khas Malang di jalur menuju Batu.",
		catalog:     "oleholeh", hours: hoursDaily,
	},
	{
		slug: "kue-kering-bu-ratna", name: "Kue Kering Bu Ratna", owner: "Ratna Sari", kecamatan: "lowokwaru",
		address:     "Jl. Candi Panggung No. 34, Mojolangu, Lowokwaru",
		description: "Kue kering dan oleh-oleh rumahan; pendaftaran sedang diperiksa Diskopindag.",
		catalog:     "oleholeh", hours: hoursSixDays, pending: true,
	},

	// Sukun: Gadang market, Ciptomulyo smiths, Bandulan, Tanjungrejo
	{
		slug: "apel-malang-poncokusumo", name: "Apel Malang Poncokusumo", owner: "Suparman", kecamatan: "sukun",
		address:     "Jl. S. Supriadi No. 66, Sukun",
		description: "Apel dan buah segar langsung dari kebun keluarga di Poncokusumo.",
		catalog:     "buah", hours: hoursMarket,
	},
	{
		slug: "rawon-pecel-bu-yayuk", name: "Rawon & Pecel Bu Yayuk", owner: "Yayuk Sulistyowati", kecamatan: "sukun",
		address:     "Jl. Raya Langsep No. 19, Pisang Candi, Sukun",
		description: "Rawon, pecel, dan nasi kotak untuk rapat dan pengajian.",
		catalog:     "kuliner", hours: hoursSixDays,
	},
	{
		slug: "madu-telur-bandulan", name: "Madu & Telur Ayam Kampung Bandulan", owner: "Karyono", kecamatan: "sukun",
		address:     "Jl. Bandulan Barat No. 44, Bandulan, Sukun",
		description: "Madu, telur ayam kampung, dan hasil tani dari peternak Bandulan.",
		catalog:     "tani", hours: hoursMarket, closed: true,
	},
	{
		slug: "pande-besi-ciptomulyo", name: "Pande Besi Ciptomulyo", owner: "Darsono", kecamatan: "sukun",
		address:     "Jl. Kolonel Sugiono Gang Pande No. 3, Ciptomulyo, Sukun",
		description: "Pisau, golok, cangkul, dan sabit tempa tangan dari pande besi Ciptomulyo.",
		catalog:     "peralatan", hours: hoursSixDays,
	},
	{
		slug: "konveksi-kemeja-kebonsari", name: "Konveksi Kemeja Pria Kebonsari", owner: "Teguh Santoso", kecamatan: "sukun",
		address:     "Jl. Raya Kebonsari No. 27, Kebonsari, Sukun",
		description: "Kemeja, celana kerja, dan seragam pria; menerima pesanan seragam OPD.",
		catalog:     "pria", hours: hoursOffice,
	},
	{
		slug: "griya-batik-sukun", name: "Griya Batik Sukun", owner: "Purwanti Wulandari", kecamatan: "sukun",
		address:     "Jl. Janti Barat No. 12, Bandungrejosari, Sukun",
		description: "Batik tulis dan cap Malangan, sarimbit keluarga, dan seragam batik kantor.",
		catalog:     "batik", hours: hoursSixDays,
	},
	{
		slug: "sprei-gorden-gadang", name: "Sprei & Gorden Gadang", owner: "Siti Aminah", kecamatan: "sukun",
		address:     "Jl. Gadang Gang XVII No. 8, Gadang, Sukun",
		description: "Sprei, gorden, keset, dan perlengkapan rumah jahitan sendiri.",
		catalog:     "tekstil-rumah", hours: hoursSixDays,
	},
	{
		slug: "katering-pengantin-bu-endang", name: "Katering Pengantin Bu Endang", owner: "Endang Sulastri", kecamatan: "sukun",
		address:     "Jl. IR Rais No. 50, Tanjungrejo, Sukun",
		description: "Katering prasmanan dan paket pernikahan untuk 100 sampai 500 tamu.",
		catalog:     "pernikahan", hours: hoursSixDays,
	},
	{
		slug: "cuci-ac-servis-sukun", name: "Cuci AC & Servis Kulkas Sukun", owner: "Wahyu Hidayat", kecamatan: "sukun",
		address:     "Jl. Raya Sukun No. 102, Sukun",
		description: "Cuci AC, servis kulkas, dan perbaikan alat rumah tangga panggilan.",
		catalog:     "servis", hours: hoursSixDays,
	},
	{
		slug: "kerajinan-kulit-tanjungrejo", name: "Kerajinan Kulit & Bambu Tanjungrejo", owner: "Hadi Susanto", kecamatan: "sukun",
		address:     "Jl. Tanjungrejo Gang VII No. 9, Tanjungrejo, Sukun",
		description: "Dompet kulit, anyaman bambu, dan suvenir khas Malang; pendaftaran sedang diperiksa Diskopindag.",
		catalog:     "suvenir", hours: hoursSixDays, pending: true,
	},
}
