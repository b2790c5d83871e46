package testutil

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// Fixed ids of the small test world (15 characters a-z0-9).
const (
	OpdID        = "opddiskominfo01"
	CategoryID   = "catmakanan00001"
	StallX       = "stallsanan00001" // verified, open
	StallY       = "stalldampit0001" // verified, open
	StallClosed  = "stallclosed0001" // verified, closed
	ProductX1    = "prodkripik00001" // X, Rp15.000, stock 100
	ProductX2    = "prodbalado00001" // X, Rp17.500, stock 3
	ProductY1    = "prodkopi0000001" // Y, Rp45.000, stock 20
	ProductC1    = "prodclosed00001" // closed stall, Rp10.000, stock 10
	BuyerA       = "buyera000000001"
	BuyerB       = "buyerb000000001"
	SellerX      = "sellerx00000001"
	SellerX2     = "sellerx00000002"
	SellerY      = "sellery00000001"
	AdminID      = "admin0000000001"
	TestPassword = "malpro123"
)

// World is a small, valid Malpro: one OPD, one category, three stalls with
// products, two buyers, three sellers and an admin.
type World struct {
	App     core.App
	records map[string]*core.Record
}

// NewWorld inserts the test world into app.
func NewWorld(t testing.TB, app core.App) *World {
	t.Helper()
	w := &World{App: app, records: map[string]*core.Record{}}
	add := func(collection, id string, data map[string]any) {
		w.records[id] = Insert(t, app, collection, id, data)
	}
	add("opds", OpdID, map[string]any{"code": "DISKOMINFO", "name": "Dinas Komunikasi dan Informatika", "address": "Jl. Tugu No. 1, Klojen", "active": true})
	add("categories", CategoryID, map[string]any{"slug": "makanan-minuman", "name": "Makanan & Minuman", "name_en": "Food & Drinks", "sort": 1, "active": true})
	stall := func(id, name, slug, nib, phone string, open bool) {
		add("stalls", id, map[string]any{
			"name": name, "slug": slug, "owner_name": "Pemilik " + name, "nib": nib, "phone": phone,
			"address": "Jl. Sanan No. 1, Blimbing", "kecamatan": "blimbing", "categories": []string{CategoryID},
			"is_open": open, "verification": "verified",
			"hours": map[string]any{"open": "07:00", "close": "17:00", "days": []int{1, 2, 3, 4, 5, 6}},
		})
	}
	stall(StallX, "Keripik Tempe Sanan", "keripik-tempe-sanan", "9120001234561", "+6281333000001", true)
	stall(StallY, "Kopi Dampit", "kopi-dampit", "9120001234562", "+6281333000003", true)
	stall(StallClosed, "Strudel Tutup", "strudel-tutup", "9120001234563", "+6281333000009", false)
	product := func(id, stallID, name string, price, stock int) {
		add("products", id, map[string]any{"stall": stallID, "category": CategoryID, "name": name,
			"unit": "pack", "price": price, "stock": stock, "active": true})
	}
	product(ProductX1, StallX, "Keripik Tempe Original", 15000, 100)
	product(ProductX2, StallX, "Keripik Tempe Balado", 17500, 3)
	product(ProductY1, StallY, "Kopi Dampit Robusta 250 g", 45000, 20)
	product(ProductC1, StallClosed, "Strudel Apel", 10000, 10)
	add("buyers", BuyerA, map[string]any{"nip": "198507142010011002", "name": "Budi Santoso", "opd": OpdID,
		"phone": "081234567801", "address": "Jl. Soekarno Hatta No. 5", "kecamatan": "lowokwaru", "active": true})
	add("buyers", BuyerB, map[string]any{"nip": "199203252019032001", "name": "Siti Rahmawati", "opd": OpdID,
		"phone": "081234567802", "kecamatan": "klojen", "active": true})
	add("sellers", SellerX, map[string]any{"email": "keripik.sanan@malpro.test", "name": "Sri Wahyuni", "phone": "081333000001", "stall": StallX, "role": "owner", "active": true})
	add("sellers", SellerX2, map[string]any{"email": "sanan.helper@malpro.test", "name": "Dewi Lestari", "phone": "081333000002", "stall": StallX, "role": "helper", "active": true})
	add("sellers", SellerY, map[string]any{"email": "kopi.dampit@malpro.test", "name": "Slamet Riyadi", "phone": "081333000003", "stall": StallY, "role": "owner", "active": true})
	add("admins", AdminID, map[string]any{"email": "admin@malpro.test", "name": "Admin Diskominfo"})
	return w
}

// Token is an auth token of the world's record id (a buyer, seller or admin).
func (w *World) Token(t testing.TB, id string) string {
	t.Helper()
	tok, err := w.records[id].NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// Record reloads a record by collection and id.
func (w *World) Record(t testing.TB, collection, id string) *core.Record {
	t.Helper()
	r, err := w.App.FindRecordById(collection, id)
	if err != nil {
		t.Fatalf("%s %s: %v", collection, id, err)
	}
	return r
}

// Insert saves a record of a collection with the given id and fields (an
// account with TestPassword, verified), failing the test if it is refused.
func Insert(t testing.TB, app core.App, collection, id string, data map[string]any) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Set("id", id)
	for k, v := range data {
		r.Set(k, v)
	}
	if c.IsAuth() {
		r.SetPassword(TestPassword)
		r.SetVerified(true)
	}
	if err := app.Save(r); err != nil {
		t.Fatalf("fixture %s %s: %v", collection, id, err)
	}
	return r
}
