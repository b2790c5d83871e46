package authz_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"malpro/hooks"
	_ "malpro/migrations" // registers the collections
)

// The fixture world of the authorization matrix. Every id is fixed
// (15 chars [a-z0-9]) so that the tables in matrix_test.go can name them.
const (
	opd1 = "opd000000000001" // referenced by the buyers
	opd2 = "opd000000000002" // inactive, unreferenced

	cat1 = "cat000000000001" // referenced by the products
	cat2 = "cat000000000002" // inactive, unreferenced

	admin1 = "admin0000000001"
	admin2 = "admin0000000002"

	stallX = "stallx000000001" // verified, open
	stallY = "stally000000001" // verified, closed (is_open=false)
	stallZ = "stallz000000001" // verified, no sellers and no orders (deletable)
	stallP = "stallp000000001" // verification "pending"

	sellerX1 = "sellerx00000001" // owner of X
	sellerX2 = "sellerx00000002" // helper of X
	sellerY1 = "sellery00000001" // owner of Y
	sellerP1 = "sellerp00000001" // owner of the pending stall P

	buyerA = "buyera000000001"
	buyerB = "buyerb000000001"
	buyerC = "buyerc000000001" // no orders (deletable)

	prodX1 = "prodx0000000001" // active
	prodX2 = "prodx0000000002" // inactive
	prodY1 = "prody0000000001" // active
	prodY2 = "prody0000000002" // inactive
	prodZ1 = "prodz0000000001"
	prodP1 = "prodp0000000001" // of the pending stall

	orderA = "ordera000000001" // buyer A at stall X
	orderB = "orderb000000001" // buyer B at stall Y

	lineA1 = "linea0000000001"
	lineA2 = "linea0000000002"
	lineB1 = "lineb0000000001"

	tomb1 = "tomb00000000001" // an older deletion

	mutation1 = "mutation0000001" // a pushed mutation in the sync log
)

// Personal and registration data, each with a value found nowhere else.
const (
	nibX = "8120001112223"
	nibY = "8120004445556"
	nibZ = "8120001239874"
	nibP = "8120007778889"

	stallPhoneX = "+6281234567801"
	stallPhoneY = "+6281234567802"
	stallPhoneZ = "+6281234567804"
	stallPhoneP = "+6281234567803"

	ktpX1 = "3573011111110001"
	ktpX2 = "3573011111110002"
	ktpY1 = "3573011111110003"
	ktpP1 = "3573011111110004"

	sellerPhoneX1 = "+6281234567811"
	sellerPhoneX2 = "+6281234567812"
	sellerPhoneY1 = "+6281234567813"
	sellerPhoneP1 = "+6281234567814"

	nipA = "198507142010011002"
	nipB = "199203252019032001"
	nipC = "199912312022122005"

	buyerPhoneA = "+6281234567821"
	buyerPhoneB = "+6281234567822"
	buyerPhoneC = "+6281234567823"

	deliveryPhoneA = "+6281234567891"
	deliveryPhoneB = "+6281234567892"
)

const password = "rahasia-malang-123"

// actor is someone calling the API.
type actor struct {
	name  string
	coll  string // "" for anonymous
	id    string
	stall string // sellers only
	token string
}

func (a actor) isAdmin() bool            { return a.coll == "admins" }
func (a actor) isBuyer() bool            { return a.coll == "buyers" }
func (a actor) isSeller() bool           { return a.coll == "sellers" }
func (a actor) isSellerOf(s string) bool { return a.isSeller() && a.stall == s }
func (a actor) is(coll, id string) bool  { return a.coll == coll && a.id == id }
func (a actor) headers() map[string]string {
	if a.token == "" {
		return nil
	}
	return map[string]string{"Authorization": a.token}
}

// secret is a personal value and who may see it in a response.
type secret struct {
	label  string
	value  string
	record string // the record carrying it
	seenBy func(a actor) bool
}

// fixture is a built data dir; each scenario runs on a clone of it.
type fixture struct {
	dir     string
	actors  map[string]actor
	updated map[string]string // record id -> "updated" at build time
	counts  map[string]int    // collection -> number of records
}

var mainFx *fixture // the world above, built once by TestMain

func TestMain(m *testing.M) {
	os.Exit(func() int {
		var err error
		if mainFx, err = buildFixture(); err != nil {
			fmt.Fprintln(os.Stderr, "building the fixture:", err)
			return 1
		}
		defer os.RemoveAll(mainFx.dir)
		return m.Run()
	}())
}

// newApp clones the fixture data dir into a fresh test app with Malpro's hooks.
func (f *fixture) newApp(t testing.TB) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestApp(f.dir)
	if err != nil {
		t.Fatalf("test app: %v", err)
	}
	hooks.Register(app)
	return app
}

// secrets lists the personal data of the fixture world.
func secrets() []secret {
	sellerOf := func(stall string) func(actor) bool {
		return func(a actor) bool { return a.isAdmin() || a.isSellerOf(stall) }
	}
	signedInBuyerOrSellerOf := func(stall string) func(actor) bool {
		return func(a actor) bool { return a.isAdmin() || a.isSellerOf(stall) || a.isBuyer() }
	}
	self := func(coll, id string) func(actor) bool {
		return func(a actor) bool { return a.isAdmin() || a.is(coll, id) }
	}
	orderParty := func(buyer, stall string) func(actor) bool {
		return func(a actor) bool { return a.isAdmin() || a.is("buyers", buyer) || a.isSellerOf(stall) }
	}
	return []secret{
		{"nib of X", nibX, stallX, sellerOf(stallX)},
		{"nib of Y", nibY, stallY, sellerOf(stallY)},
		{"nib of Z", nibZ, stallZ, sellerOf(stallZ)},
		{"nib of P", nibP, stallP, sellerOf(stallP)},
		{"phone of X", stallPhoneX, stallX, signedInBuyerOrSellerOf(stallX)},
		{"phone of Y", stallPhoneY, stallY, signedInBuyerOrSellerOf(stallY)},
		{"phone of Z", stallPhoneZ, stallZ, signedInBuyerOrSellerOf(stallZ)},
		{"phone of P", stallPhoneP, stallP, signedInBuyerOrSellerOf(stallP)},
		{"ktp of seller X1", ktpX1, sellerX1, self("sellers", sellerX1)},
		{"ktp of seller X2", ktpX2, sellerX2, self("sellers", sellerX2)},
		{"ktp of seller Y1", ktpY1, sellerY1, self("sellers", sellerY1)},
		{"ktp of seller P1", ktpP1, sellerP1, self("sellers", sellerP1)},
		{"phone of seller X1", sellerPhoneX1, sellerX1, sellerOf(stallX)},
		{"phone of seller X2", sellerPhoneX2, sellerX2, sellerOf(stallX)},
		{"phone of seller Y1", sellerPhoneY1, sellerY1, sellerOf(stallY)},
		{"phone of seller P1", sellerPhoneP1, sellerP1, sellerOf(stallP)},
		{"nip of buyer A", nipA, buyerA, self("buyers", buyerA)},
		{"nip of buyer B", nipB, buyerB, self("buyers", buyerB)},
		{"nip of buyer C", nipC, buyerC, self("buyers", buyerC)},
		{"phone of buyer A", buyerPhoneA, buyerA, self("buyers", buyerA)},
		{"phone of buyer B", buyerPhoneB, buyerB, self("buyers", buyerB)},
		{"phone of buyer C", buyerPhoneC, buyerC, self("buyers", buyerC)},
		{"delivery phone of order A", deliveryPhoneA, orderA, orderParty(buyerA, stallX)},
		{"delivery phone of order B", deliveryPhoneB, orderB, orderParty(buyerB, stallY)},
	}
}

// secretsFor splits the personal data into what a may and may not see.
func secretsFor(a actor) (visible map[string][]string, hidden []string) {
	visible = map[string][]string{}
	for _, s := range secrets() {
		if s.seenBy(a) {
			visible[s.record] = append(visible[s.record], s.value)
		} else {
			hidden = append(hidden, s.value)
		}
	}
	// never in any response
	hidden = append(hidden, `"tokenKey"`, `"password":"`)
	return visible, hidden
}

func buildFixture() (*fixture, error) {
	empty, err := os.MkdirTemp("", "malpro_authz_empty_*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(empty)

	app, err := tests.NewTestApp(empty) // works on its own clone of empty
	if err != nil {
		return nil, err
	}
	hooks.Register(app) // validation and normalization of the rows below

	fx := &fixture{
		dir:     app.DataDir(),
		actors:  map[string]actor{"anon": {name: "anon"}},
		updated: map[string]string{},
		counts:  map[string]int{},
	}

	var firstErr error
	save := func(coll, id string, fields map[string]any) *core.Record {
		if firstErr != nil {
			return nil
		}
		c, err := app.FindCollectionByNameOrId(coll)
		if err != nil {
			firstErr = err
			return nil
		}
		r := core.NewRecord(c)
		r.Id = id
		for k, v := range fields {
			r.Set(k, v)
		}
		if c.IsAuth() {
			r.SetPassword(password)
		}
		if err := app.Save(r); err != nil {
			firstErr = fmt.Errorf("%s %s: %w", coll, id, err)
			return nil
		}
		fx.counts[coll]++
		return r
	}
	login := func(name string, r *core.Record) {
		if r == nil || firstErr != nil {
			return
		}
		token, err := r.NewAuthToken()
		if err != nil {
			firstErr = err
			return
		}
		fx.actors[name] = actor{name: name, coll: r.Collection().Name, id: r.Id, stall: r.GetString("stall"), token: token}
	}

	save("opds", opd1, map[string]any{"code": "DISKOMINFO", "name": "Dinas Komunikasi dan Informatika", "address": "Jl. Tugu 1", "active": true})
	save("opds", opd2, map[string]any{"code": "BAPPEDA", "name": "Badan Perencanaan", "active": false})

	save("categories", cat1, map[string]any{"slug": "sayur", "name": "Sayur", "name_en": "Vegetables", "sort": 1, "active": true})
	save("categories", cat2, map[string]any{"slug": "jajanan", "name": "Jajanan", "name_en": "Snacks", "sort": 2, "active": false})

	login("admin", save("admins", admin1, map[string]any{"email": "admin1@malangkota.go.id", "name": "Admin Satu"}))
	save("admins", admin2, map[string]any{"email": "admin2@malangkota.go.id", "name": "Admin Dua"})

	stall := func(id, name, slug, nib, phone, verification string, open bool) {
		save("stalls", id, map[string]any{
			"name": name, "slug": slug, "owner_name": "Pemilik " + name, "description": "Lapak " + name,
			"nib": nib, "phone": phone, "address": "Pasar Besar Malang", "kecamatan": "klojen",
			"categories": []string{cat1}, "hours": map[string]any{"open": "06:00", "close": "14:00", "days": []int{1, 2, 3, 4, 5, 6}},
			"is_open": open, "verification": verification,
		})
	}
	stall(stallX, "Sayur Bu Sri", "sayur-bu-sri", nibX, stallPhoneX, "verified", true)
	stall(stallY, "Tempe Pak Man", "tempe-pak-man", nibY, stallPhoneY, "verified", false)
	stall(stallZ, "Buah Segar", "buah-segar", nibZ, stallPhoneZ, "verified", true)
	stall(stallP, "Keripik Baru", "keripik-baru", nibP, stallPhoneP, "pending", false)

	seller := func(id, email, phone, ktp, stall, role string) *core.Record {
		return save("sellers", id, map[string]any{
			"email": email, "name": "Penjual " + id, "phone": phone, "ktp": ktp,
			"stall": stall, "role": role, "active": true, "verified": true,
		})
	}
	login("sellerX", seller(sellerX1, "x1@example.com", sellerPhoneX1, ktpX1, stallX, "owner"))
	login("sellerX2", seller(sellerX2, "x2@example.com", sellerPhoneX2, ktpX2, stallX, "helper"))
	login("sellerY", seller(sellerY1, "y1@example.com", sellerPhoneY1, ktpY1, stallY, "owner"))
	login("sellerP", seller(sellerP1, "p1@example.com", sellerPhoneP1, ktpP1, stallP, "owner"))

	buyer := func(id, nip, name, phone string) *core.Record {
		return save("buyers", id, map[string]any{
			"nip": nip, "name": name, "opd": opd1, "phone": phone,
			"address": "Jl. Ijen " + id, "kecamatan": "klojen", "active": true,
		})
	}
	login("buyerA", buyer(buyerA, nipA, "Budi", buyerPhoneA))
	login("buyerB", buyer(buyerB, nipB, "Sari", buyerPhoneB))
	buyer(buyerC, nipC, "Citra", buyerPhoneC)

	product := func(id, stall, name string, price int, active bool) {
		save("products", id, map[string]any{
			"stall": stall, "category": cat1, "name": name, "unit": "ikat",
			"price": price, "stock": 10, "active": active,
		})
	}
	product(prodX1, stallX, "Bayam", 5000, true)
	product(prodX2, stallX, "Kangkung", 4000, false)
	product(prodY1, stallY, "Tempe", 6000, true)
	product(prodY2, stallY, "Tahu", 3000, false)
	product(prodZ1, stallZ, "Apel", 12000, true)
	product(prodP1, stallP, "Keripik Tempe", 15000, true)

	order := func(id, buyer, stall, name, phone string, total int) {
		save("orders", id, map[string]any{
			"buyer": buyer, "stall": stall, "status": "placed", "payment_method": "cod",
			"delivery_method": "opd", "delivery_opd": opd1, "delivery_name": name,
			"delivery_phone": phone, "delivery_address": "Balai Kota Malang",
			"subtotal": total, "total": total, "client_total": total,
			"client_created": types.NowDateTime(), "status_changed": types.NowDateTime(),
		})
	}
	order(orderA, buyerA, stallX, "Budi", deliveryPhoneA, 14000)
	order(orderB, buyerB, stallY, "Sari", deliveryPhoneB, 6000)

	line := func(id, order, product, name string, qty, price int) {
		save("order_lines", id, map[string]any{
			"order": order, "product": product, "product_name": name, "unit": "ikat",
			"qty": qty, "price": price, "seen_price": price, "line_total": qty * price,
		})
	}
	line(lineA1, orderA, prodX1, "Bayam", 2, 5000)
	line(lineA2, orderA, prodX2, "Kangkung", 1, 4000)
	line(lineB1, orderB, prodY1, "Tempe", 1, 6000)

	save("tombstones", tomb1, map[string]any{"coll": "products", "record": "gone00000000001"})
	save("mutations", mutation1, map[string]any{
		"owner": "buyers:" + buyerA, "mutation_id": "m00000000000001", "name": "order.place",
		"args_hash": "0f0f", "status": "applied", "data": map[string]any{"order": orderA},
	})

	if firstErr != nil {
		app.Cleanup()
		return nil, firstErr
	}

	// remember each record's "updated" to prove later that a denied write changed nothing
	for coll := range fx.counts {
		records, err := app.FindAllRecords(coll)
		if err != nil {
			app.Cleanup()
			return nil, err
		}
		for _, r := range records {
			fx.updated[coll+"/"+r.Id] = r.GetString("updated")
		}
	}

	// close the databases (checkpointing the WAL) but keep the data dir
	if err := app.ResetBootstrapState(); err != nil {
		os.RemoveAll(fx.dir)
		return nil, err
	}
	return fx, nil
}
