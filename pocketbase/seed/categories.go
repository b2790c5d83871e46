package seed

// category is one of the eight categories Malpro uses; sort follows this order.
type category struct {
	slug   string
	name   string // Indonesian, shown first
	nameEN string
}

var categories = []category{
	{"makanan-minuman", "Makanan & Minuman", "Food & Drinks"},
	{"fashion-pria", "Fashion Pria", "Men's Fashion"},
	{"fashion-wanita", "Fashion Wanita", "Women's Fashion"},
	{"peralatan", "Peralatan", "Tools & Equipment"},
	{"kriya", "Kriya", "Crafts"},
	{"perlengkapan-rumah", "Perlengkapan Rumah", "Home Goods"},
	{"jasa", "Jasa", "Services"},
	{"pernikahan", "Pernikahan", "Weddings"},
}

// kecamatan are Malang's five districts, the values of the select fields.
var kecamatan = []string{"blimbing", "kedungkandang", "klojen", "lowokwaru", "sukun"}
