package hooks_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"malpro/hooks"
	"malpro/testutil"
)

func TestFirstScreenRoute(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)

	save := func(collection, id string, data map[string]any) {
		t.Helper()
		testutil.Insert(t, app, collection, id, data)
	}
	save("categories", "catfashion00001", map[string]any{"slug": "fashion", "name": "Fashion", "name_en": "Fashion", "sort": 0, "active": true})
	save("categories", "catlama00000001", map[string]any{"slug": "lama", "name": "Lama", "name_en": "Old", "sort": 5, "active": false})
	nib := 9120009900000
	stall := func(id, name string, open bool, verification string) {
		nib++
		save("stalls", id, map[string]any{
			"name": name, "slug": id, "owner_name": "Pemilik", "nib": fmt.Sprint(nib),
			"phone": "+6281333000099", "address": "Jl. Ijen 1", "kecamatan": "klojen",
			"is_open": open, "verification": verification,
			"categories": []string{testutil.CategoryID, "catfashion00001"},
		})
	}
	// names the home orders by value and without accents, a closed one, and
	// stalls outside the catalog (not verified)
	stall("stalllapak00010", "Lapak 10", true, "verified")
	stall("stalllapak00002", "lapak 2", true, "verified")
	stall("stallemak000001", "Dapur Émak", true, "verified")
	stall("stallbatik00001", "Batik Celaket", true, "verified")
	stall("stallapel000001", "Apel Batu", true, "verified")
	stall("stallzaitun0001", "Zaitun", true, "verified")
	stall("stallaatutup001", "Aaa Tutup", false, "verified")
	stall("stallpending001", "Aaa Belum Diverifikasi", true, "pending")
	product := func(id, stallID, category string, stock int, active bool) {
		save("products", id, map[string]any{"stall": stallID, "category": category, "name": "Produk " + id,
			"unit": "pcs", "price": 5000, "stock": stock, "active": active})
	}
	product("prodlapak000001", "stalllapak00002", "catfashion00001", 4, true)
	product("prodlapak000002", "stalllapak00002", "catfashion00001", 0, true)  // sold out: counted, not picked
	product("prodlapak000003", "stalllapak00002", "catmakanan00001", 9, false) // inactive: neither counted nor picked
	product("prodpending0001", "stallpending001", "catfashion00001", 9, true)  // not in the catalog

	read := func(path string) (int, hooks.FirstScreenAnswer, string, http.Header) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var raw json.RawMessage
		_ = json.NewDecoder(res.Body).Decode(&raw)
		var answer hooks.FirstScreenAnswer
		_ = json.Unmarshal(raw, &answer)
		return res.StatusCode, answer, string(raw), res.Header
	}

	status, answer, raw, header := read("/api/catalog/first-screen")
	if status != 200 || header.Get("Cache-Control") != "no-store" {
		t.Fatalf("GET: %d %q %s", status, header.Get("Cache-Control"), raw)
	}
	// active categories by their sort, with their listed products (active, of verified stalls)
	var cats []string
	for _, c := range answer.Categories {
		cats = append(cats, fmt.Sprintf("%s:%d", c.Slug, c.Products))
	}
	if got := strings.Join(cats, " "); got != "fashion:2 makanan-minuman:4" {
		t.Fatalf("categories %q", got)
	}
	// open stalls first, by name (case, accents and numbers as the device sorts
	// them: tests/vectors/names.json), the first eight of the ten verified
	var stalls []string
	for _, s := range answer.Stalls {
		stalls = append(stalls, fmt.Sprintf("%s:%d", s.Name, s.Products))
	}
	want := "Apel Batu:0 Batik Celaket:0 Dapur Émak:0 Keripik Tempe Sanan:2 Kopi Dampit:1 lapak 2:2 Lapak 10:0 Zaitun:0"
	if got := strings.Join(stalls, " "); got != want || answer.StallsTotal != 10 {
		t.Fatalf("stalls %q (%d in all), want %q (10)", got, answer.StallsTotal, want)
	}
	// the pick: in stock, active, of open verified stalls; no private stall data
	picked := map[string]bool{}
	for _, p := range answer.Products {
		picked[p.ID] = true
		if !p.StallOpen || p.Stock <= 0 || p.Price <= 0 || p.StallName == "" || p.CategorySlug == "" {
			t.Fatalf("picked %+v", p)
		}
	}
	for _, id := range []string{testutil.ProductX1, testutil.ProductX2, testutil.ProductY1, "prodlapak000001"} {
		if !picked[id] {
			t.Fatalf("%s (open, in stock) not picked among %d: %s", id, len(answer.Products), raw)
		}
	}
	if len(answer.Products) != 4 {
		t.Fatalf("picked %d products, want the 4 that may be: %s", len(answer.Products), raw)
	}
	for _, secret := range []string{"nib", "phone", "owner_name", "9120001234561"} {
		if strings.Contains(raw, secret) {
			t.Fatalf("the first screen shows %q: %s", secret, raw)
		}
	}

	// fewer products, none, and what it refuses (naming the parameter)
	if _, a, _, _ := read("/api/catalog/first-screen?pick=2"); len(a.Products) != 2 {
		t.Fatalf("pick=2 gave %d", len(a.Products))
	}
	if _, a, raw, _ := read("/api/catalog/first-screen?pick=0"); len(a.Products) != 0 || !strings.Contains(raw, `"products":[]`) {
		t.Fatalf("pick=0: %s", raw)
	}
	for _, bad := range []string{"abc", "-1", "25"} {
		status, _, raw, _ := read("/api/catalog/first-screen?pick=" + bad)
		if status != 400 || !strings.Contains(strings.ToLower(raw), "pick: a whole number") {
			t.Fatalf("pick=%s: %d %s", bad, status, raw)
		}
	}
}

func TestFirstScreenOfAnEmptyCatalog(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	srv := testutil.Serve(t, app)
	res := testutil.Do(t, srv, "GET", "/api/catalog/first-screen", "", nil)
	if res.Status != 200 || !strings.Contains(string(res.Raw), `"categories":[],"stalls":[],"stalls_total":0,"products":[]`) {
		t.Fatalf("empty catalog: %d %s", res.Status, res.Raw)
	}
}

// The server keeps its read of the catalog between first screens
// (first_screen_cache.go): every change a device could see shows in the next
// answer, whichever way it was written.
func TestFirstScreenFollowsEveryCatalogChange(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)
	read := func(pick int) hooks.FirstScreenAnswer {
		t.Helper()
		res := testutil.Do(t, srv, "GET", fmt.Sprintf("/api/catalog/first-screen?pick=%d", pick), "", nil)
		var a hooks.FirstScreenAnswer
		if res.Status != 200 || json.Unmarshal(res.Raw, &a) != nil {
			t.Fatalf("first screen: %d %s", res.Status, res.Raw)
		}
		return a
	}
	picked := func(a hooks.FirstScreenAnswer) map[string]hooks.FirstScreenProduct {
		m := map[string]hooks.FirstScreenProduct{}
		for _, p := range a.Products {
			if _, twice := m[p.ID]; twice {
				t.Fatalf("%s picked twice: %+v", p.ID, a.Products)
			}
			m[p.ID] = p
		}
		return m
	}
	category := func(a hooks.FirstScreenAnswer, slug string) hooks.FirstScreenCategory {
		for _, c := range a.Categories {
			if c.Slug == slug {
				return c
			}
		}
		return hooks.FirstScreenCategory{}
	}

	before := read(24)
	if len(picked(before)) != 3 || category(before, "makanan-minuman").Products != 4 || before.StallsTotal != 3 {
		t.Fatalf("the world's first screen: %+v", before)
	}

	// a price changed through a save
	p, err := app.FindRecordById("products", testutil.ProductX1)
	if err != nil {
		t.Fatal(err)
	}
	p.Set("price", 16000)
	if err := app.Save(p); err != nil {
		t.Fatal(err)
	}
	if got := picked(read(24))[testutil.ProductX1].Price; got != 16000 {
		t.Fatalf("after a price change: %d", got)
	}

	// sold out by an order: stock moves in SQL, stamping `updated` (order_place.go)
	if _, err := app.DB().NewQuery("UPDATE products SET stock = 0, updated = {:now} WHERE id = {:id}").
		Bind(map[string]any{"now": time.Now().UTC().Format("2006-01-02 15:04:05.000Z"), "id": testutil.ProductX2}).
		Execute(); err != nil {
		t.Fatal(err)
	}
	if _, there := picked(read(24))[testutil.ProductX2]; there {
		t.Fatal("a sold-out product is still picked")
	}

	// a product deleted: no longer counted
	if err := app.Delete(p); err != nil {
		t.Fatal(err)
	}
	after := read(24)
	if _, there := picked(after)[testutil.ProductX1]; there || category(after, "makanan-minuman").Products != 3 {
		t.Fatalf("after a deletion: %+v", after)
	}

	// a stall closes, and a category is renamed
	s, err := app.FindRecordById("stalls", testutil.StallY)
	if err != nil {
		t.Fatal(err)
	}
	s.Set("is_open", false)
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	c, err := app.FindRecordById("categories", testutil.CategoryID)
	if err != nil {
		t.Fatal(err)
	}
	c.Set("name", "Kuliner")
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	// (the open stall first, then the closed ones by name)
	closed := read(24)
	if len(closed.Products) != 0 || category(closed, "makanan-minuman").Name != "Kuliner" ||
		closed.Stalls[1].ID != testutil.StallY || closed.Stalls[1].IsOpen {
		t.Fatalf("after a stall closed and a category was renamed: %+v", closed)
	}
}

// The pick stays random between answers that read the catalog once: every
// product that may be picked comes up, in changing orders.
func TestFirstScreenPickStaysRandom(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)
	seen := map[string]int{}
	orders := map[string]bool{}
	for range 60 {
		res := testutil.Do(t, srv, "GET", "/api/catalog/first-screen?pick=2", "", nil)
		var a hooks.FirstScreenAnswer
		if res.Status != 200 || json.Unmarshal(res.Raw, &a) != nil || len(a.Products) != 2 || a.Products[0].ID == a.Products[1].ID {
			t.Fatalf("pick=2: %d %s", res.Status, res.Raw)
		}
		seen[a.Products[0].ID]++
		seen[a.Products[1].ID]++
		orders[a.Products[0].ID+" "+a.Products[1].ID] = true
	}
	// 3 products, 2 picked 60 times: each is due 40 times; missing one, or
	// fewer than 4 of the 6 orders, would take odds below one in a million
	for _, id := range []string{testutil.ProductX1, testutil.ProductX2, testutil.ProductY1} {
		if seen[id] < 15 {
			t.Fatalf("%s picked %d times of 120: %v", id, seen[id], seen)
		}
	}
	if len(orders) < 4 {
		t.Fatalf("only %d orders of the pick: %v", len(orders), orders)
	}
}
