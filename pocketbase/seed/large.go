package seed

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// The large catalog (`npm run seed:large`): the demo city topped up with
// generated stalls and products, for measuring the catalog's size and speed
// (issue 5). Names come from the demo's own vocabulary; generated products
// have no picture (the card shows its coloured placeholder).

// largeLoadedParam marks a data dir as holding the large catalog.
const largeLoadedParam = "malpro_large_loaded"

// LargeOptions are the totals to reach, demo city included.
type LargeOptions struct {
	Stalls   int
	Products int
}

// DefaultLarge is 1,000 stalls with 10,000 products.
var DefaultLarge = LargeOptions{Stalls: 1000, Products: 10_000}

// LargeReport is what LoadLarge did.
type LargeReport struct {
	Stalls, Products int // totals in the data dir afterwards
	AddedStalls      int
	AddedProducts    int
	Demo, Generated  time.Duration
	AlreadyLoaded    bool
}

// largeSeed fixes the generated catalog (it differs from planSeed on purpose).
var largeSeed = [2]uint64{20230313, 10_000}

var kelurahan = map[string][]string{
	"blimbing":      {"Arjosari", "Balearjosari", "Blimbing", "Bunulrejo", "Jodipan", "Kesatrian", "Pandanwangi", "Polehan", "Polowijen", "Purwantoro", "Purwodadi"},
	"kedungkandang": {"Arjowinangun", "Bumiayu", "Buring", "Cemorokandang", "Kedungkandang", "Kotalama", "Lesanpuro", "Madyopuro", "Mergosono", "Sawojajar", "Tlogowaru", "Wonokoyo"},
	"klojen":        {"Bareng", "Gadingkasri", "Kasin", "Kauman", "Kiduldalem", "Klojen", "Oro-oro Dowo", "Penanggungan", "Rampal Celaket", "Samaan", "Sukoharjo"},
	"lowokwaru":     {"Dinoyo", "Jatimulyo", "Ketawanggede", "Lowokwaru", "Merjosari", "Mojolangu", "Sumbersari", "Tasikmadu", "Tlogomas", "Tulusrejo", "Tunggulwulung", "Tunjungsekar"},
	"sukun":         {"Bakalankrajan", "Bandulan", "Bandungrejosari", "Ciptomulyo", "Gadang", "Karangbesuki", "Kebonsari", "Mulyorejo", "Pisang Candi", "Sukun", "Tanjungrejo"},
}

var (
	largeFirstNames = []string{"Sri", "Tutik", "Agus", "Lilik", "Heru", "Fitri", "Joko", "Eko", "Rina", "Anita", "Lina", "Bayu", "Hendra", "Sugeng", "Dimas", "Yoga", "Indah", "Bambang", "Andi", "Ratna", "Teguh", "Siti", "Endang", "Wahyu", "Hadi", "Nur", "Dewi", "Budi", "Slamet", "Yuliana"}
	largeLastNames  = []string{"Wahyuni", "Handayani", "Setiawan", "Suharti", "Prasetyo", "Anggraini", "Susilo", "Wahyudi", "Kusumawati", "Rahayu", "Kartika", "Pratama", "Wijaya", "Riyanto", "Aditya", "Saputra", "Permatasari", "Hermanto", "Kurniawan", "Sari", "Santoso", "Aminah", "Sulastri", "Hidayat", "Susanto", "Lestari", "Riyadi"}
	largeVariants   = []string{"", "", "", "Premium", "Spesial", "Hemat", "Super", "Asli", "Khas Malang", "Pilihan"}
	largeHours      = []Hours{hoursSixDays, hoursOffice, hoursDaily, hoursEvening, hoursMarket, hoursWeekends}
)

// planLarge makes the stalls to add so the totals reach o, given the demo
// city's counts: stalls spread evenly over the five kecamatan, each selling
// from one of the demo's catalogs (so all eight categories appear).
func planLarge(o LargeOptions, haveStalls, haveProducts int) []stallPlan {
	addStalls := max(0, o.Stalls-haveStalls)
	addProducts := max(0, o.Products-haveProducts)
	if addStalls == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(largeSeed[0], largeSeed[1]))
	kinds := make([]string, 0, len(catalogs))
	for k := range catalogs {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	// name prefixes per kind, from the demo stalls' names ("Keripik Tempe", …)
	prefixes := map[string][]string{}
	for _, s := range stalls {
		w := strings.Fields(s.name)
		p := strings.Join(w[:min(2, len(w))], " ")
		if !slices.Contains(prefixes[s.catalog], p) {
			prefixes[s.catalog] = append(prefixes[s.catalog], p)
		}
	}
	usedNIB, usedPhone := map[string]bool{}, map[string]bool{}
	for _, a := range DemoAccounts {
		usedPhone[a.Phone] = true
	}

	out := make([]stallPlan, addStalls)
	for i := range out {
		kind := kinds[i%len(kinds)]
		kec := kecamatan[i%len(kecamatan)]
		kel := kelurahan[kec][r.IntN(len(kelurahan[kec]))]
		owner := largeFirstNames[r.IntN(len(largeFirstNames))] + " " + largeLastNames[r.IntN(len(largeLastNames))]
		prefix := "Toko"
		if ps := prefixes[kind]; len(ps) > 0 {
			prefix = ps[r.IntN(len(ps))]
		}
		name := prefix + " " + kel
		if r.IntN(2) == 0 {
			title := "Bu"
			if r.IntN(2) == 0 {
				title = "Pak"
			}
			name = prefix + " " + title + " " + strings.Fields(owner)[0]
		}
		s := stall{
			slug: fmt.Sprintf("%s-%d", slugify(name), i+1), name: name, owner: owner, kecamatan: kec,
			address: fmt.Sprintf("Jl. %s No. %d, %s, %s", kel, 1+r.IntN(200), kel,
				strings.ToUpper(kec[:1])+kec[1:]),
			description: fmt.Sprintf("%s di %s, melayani pesanan ASN Kota Malang.", prefix, kel),
			catalog:     kind,
			hours:       largeHours[r.IntN(len(largeHours))],
			closed:      r.IntN(40) == 0,
		}
		// the products left, shared evenly (the first stalls take the remainder)
		n := addProducts / addStalls
		if i < addProducts%addStalls {
			n++
		}
		p := stallPlan{stall: s, nib: uniqueNIB(r, usedNIB), phone: uniquePhone(r, usedPhone)}
		p.products = largeProducts(r, catalogs[kind], n)
		for _, c := range categories {
			if slices.ContainsFunc(p.products, func(pp productPlan) bool { return pp.category == c.slug }) {
				p.categories = append(p.categories, c.slug)
			}
		}
		if len(p.categories) == 0 { // a stall without products still sells something
			p.categories = []string{catalogs[kind][0].category}
		}
		out[i] = p
	}
	return out
}

// largeProducts picks n products from a catalog: each item once, then again
// with a variant word ("Premium", "Hemat", …) and a bigger pack when n is more
// than the catalog holds, so names stay distinct within a stall.
func largeProducts(r *rand.Rand, items []catalogItem, n int) []productPlan {
	out := make([]productPlan, 0, n)
	used := map[string]bool{}
	for round := 0; len(out) < n; round++ {
		for _, idx := range r.Perm(len(items)) {
			if len(out) == n {
				break
			}
			it := items[idx]
			if v := largeVariants[r.IntN(len(largeVariants))]; v != "" || round > 0 {
				if v == "" || used[it.name+" "+v] {
					v = fmt.Sprintf("Paket %d", round+2)
				}
				it.name += " " + v
				if round > 0 {
					it.price *= round + 1
				}
			}
			if used[it.name] {
				continue
			}
			used[it.name] = true
			p := productPlan{catalogItem: it, price: varyPrice(r, it.price), stock: 1 + r.IntN(200), active: true}
			if r.IntN(25) == 0 {
				p.stock = 0
			}
			p.active = r.IntN(30) != 0
			out = append(out, p)
		}
	}
	return out
}

// LoadLarge loads the demo city (if not yet) and tops it up to o's totals in
// one transaction. Calling it again on the same data dir changes nothing.
func LoadLarge(app core.App, o LargeOptions) (LargeReport, error) {
	var rep LargeReport
	started := time.Now()
	if err := LoadDemo(app); err != nil {
		return rep, fmt.Errorf("loading the demo city first: %w", err)
	}
	rep.Demo = time.Since(started)
	started = time.Now()

	err := app.RunInTransaction(func(txApp core.App) error {
		var n int
		if err := txApp.DB().Select("count(*)").From((&core.Param{}).TableName()).
			Where(dbx.HashExp{"id": largeLoadedParam}).Row(&n); err != nil {
			return err
		}
		if n > 0 {
			rep.AlreadyLoaded = true
			return nil
		}
		haveStalls, err := txApp.CountRecords("stalls")
		if err != nil {
			return err
		}
		haveProducts, err := txApp.CountRecords("products")
		if err != nil {
			return err
		}
		plans := planLarge(o, int(haveStalls), int(haveProducts))

		l := &loader{app: txApp, ids: map[string]map[string]string{"categories": {}}}
		cats, err := txApp.FindAllRecords("categories")
		if err != nil {
			return err
		}
		for _, c := range cats {
			l.ids["categories"][c.GetString("slug")] = c.Id
		}
		for _, s := range plans {
			if err := l.createStall(s); err != nil {
				return err
			}
			rep.AddedStalls++
			for _, p := range s.products {
				if err := l.create("products", "", map[string]any{
					"stall": l.ids["stalls"][s.slug], "category": l.ids["categories"][p.category],
					"name": p.name, "description": p.description, "unit": p.unit,
					"price": p.price, "stock": p.stock, "active": p.active,
				}); err != nil {
					return err
				}
				rep.AddedProducts++
			}
		}
		mark := &core.Param{Value: types.JSONRaw(fmt.Sprintf(`{"stalls":%d,"products":%d}`, o.Stalls, o.Products))}
		mark.Id = largeLoadedParam
		mark.Created, mark.Updated = types.NowDateTime(), types.NowDateTime()
		return txApp.Save(mark)
	})
	rep.Generated = time.Since(started)
	if err != nil {
		return rep, err
	}
	for coll, into := range map[string]*int{"stalls": &rep.Stalls, "products": &rep.Products} {
		n, err := app.CountRecords(coll)
		if err != nil {
			return rep, err
		}
		*into = int(n)
	}
	return rep, nil
}
