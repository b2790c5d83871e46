package hooks_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"malpro/domain"
	"malpro/testutil"
)

// A category's list sorted by sort_name, then id, comes in the device's name
// order (tests/vectors/names.json's rule), whatever a seller sends as sort_name.
func TestProductsSortByTheDevicesNameOrder(t *testing.T) {
	f := newFixture(t)
	seller := f.world.Token(t, testutil.SellerX)
	names := []string{"Lapak 10", "lapak 2", "Éka Batik", "aneka Sambal", "Zebra Cake", "Lapak 002b"}
	for _, name := range names {
		res := testutil.Do(t, f.srv, "POST", "/api/collections/products/records", seller, map[string]any{
			"stall": testutil.StallX, "category": testutil.CategoryID, "name": name, "sort_name": "000 first",
			"unit": "pcs", "price": 1000, "stock": 1, "active": true})
		if res.Status != 200 {
			t.Fatalf("seller adds %q: %d %s", name, res.Status, res.Raw)
		}
		if got := res.Body["sort_name"]; got != domain.NameSortKey(name) {
			t.Fatalf("%q stored with sort_name %q, want the server's own", name, got)
		}
	}
	list := func() []string {
		t.Helper()
		filter := url.QueryEscape(`category="` + testutil.CategoryID + `" && stall="` + testutil.StallX + `"`)
		res := testutil.Do(t, f.srv, "GET", "/api/collections/products/records?perPage=50&sort=sort_name,id&fields=name&filter="+filter, "", nil)
		if res.Status != 200 {
			t.Fatalf("a visitor lists by sort_name: %d %s", res.Status, res.Raw)
		}
		var got []string
		for _, item := range res.Body["items"].([]any) {
			got = append(got, item.(map[string]any)["name"].(string))
		}
		return got
	}
	want := func(got []string) []string {
		w := slices.Clone(got)
		slices.SortStableFunc(w, domain.CompareNames)
		return w
	}
	got := list()
	if len(got) != len(names)+2 || !slices.Equal(got, want(got)) {
		t.Fatalf("listed %q, want the device's order %q", got, want(got))
	}
	// ("lapak 2" before "Lapak 002b" before "Lapak 10": by value, as on the device)
	if i, j := slices.Index(got, "lapak 2"), slices.Index(got, "Lapak 10"); i < 0 || j < i {
		t.Fatalf("'lapak 2' must come before 'Lapak 10': %q", got)
	}

	// a renamed product moves with its new name
	renamed := f.world.Record(t, "products", testutil.ProductX1)
	res := testutil.Do(t, f.srv, "PATCH", "/api/collections/products/records/"+renamed.Id, seller,
		map[string]any{"name": "Aaa Keripik"})
	if res.Status != 200 || res.Body["sort_name"] != "aaa keripik" {
		t.Fatalf("rename: %d %s", res.Status, res.Raw)
	}
	if got := list(); got[0] != "Aaa Keripik" || !slices.Equal(got, want(got)) {
		t.Fatalf("after the rename, listed %q", got)
	}
	// a change that leaves the name alone keeps the key the name gives
	res = testutil.Do(t, f.srv, "PATCH", "/api/collections/products/records/"+renamed.Id, seller,
		map[string]any{"price": 2000, "sort_name": "zzz"})
	if res.Status != 200 || !strings.HasPrefix(res.Body["sort_name"].(string), "aaa") {
		t.Fatalf("price change: %d %s", res.Status, res.Raw)
	}
}
