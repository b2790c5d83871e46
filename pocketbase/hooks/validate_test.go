package hooks_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"malpro/testutil"
)

func TestValidationHooks(t *testing.T) {
	f := newFixture(t)
	seller := f.world.Token(t, testutil.SellerX)
	admin := f.world.Token(t, testutil.AdminID)

	other := testutil.Do(t, f.srv, "POST", "/api/collections/categories/records", admin,
		map[string]any{"slug": "kriya", "name": "Kriya", "name_en": "Crafts", "active": true})
	if other.Status != 200 {
		t.Fatalf("admin creates a category: %d %s", other.Status, other.Raw)
	}
	cases := []struct {
		name   string
		method string
		path   string
		token  string
		body   map[string]any
		status int
		field  string
		code   string
	}{
		{"product outside its stall's categories", "POST", "/api/collections/products/records", seller,
			map[string]any{"stall": testutil.StallX, "category": other.Body["id"], "name": "Topeng", "unit": "pcs", "price": 50000, "stock": 1, "active": true},
			400, "category", "validation_category_not_of_stall"},
		{"product in its stall's category", "POST", "/api/collections/products/records", seller,
			map[string]any{"stall": testutil.StallX, "category": testutil.CategoryID, "name": "Keripik Pedas", "unit": "pack", "price": 16000, "stock": 5, "active": true},
			200, "", ""},
		{"buyer phone normalized", "PATCH", "/api/collections/buyers/records/" + testutil.BuyerA, f.world.Token(t, testutil.BuyerA),
			map[string]any{"phone": "0812 3456 7899"}, 200, "", ""},
		{"buyer landline refused with the shared code", "PATCH", "/api/collections/buyers/records/" + testutil.BuyerA, f.world.Token(t, testutil.BuyerA),
			map[string]any{"phone": "0341 551234"}, 400, "phone", "validation_phone_mobile"},
		{"stall hours checked", "PATCH", "/api/collections/stalls/records/" + testutil.StallX, seller,
			map[string]any{"hours": map[string]any{"open": "18:00", "close": "08:00", "days": []int{1}}}, 400, "hours", "validation_hours"},
		{"admin NIB checked", "PATCH", "/api/collections/stalls/records/" + testutil.StallX, admin,
			map[string]any{"nib": "0000000000000"}, 400, "nib", "validation_nib_zero"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := testutil.Do(t, f.srv, c.method, c.path, c.token, c.body)
			if res.Status != c.status {
				t.Fatalf("want %d, got %d %s", c.status, res.Status, res.Raw)
			}
			if c.field != "" {
				data, _ := res.Body["data"].(map[string]any)
				fe, _ := data[c.field].(map[string]any)
				if fe["code"] != c.code {
					t.Fatalf("want %s on %s, got %s", c.code, c.field, res.Raw)
				}
			}
		})
	}
	// private fields: writable by those allowed, invisible to the public, not filterable
	if res := testutil.Do(t, f.srv, "PATCH", "/api/collections/stalls/records/"+testutil.StallX, seller,
		map[string]any{"phone": "0813 3300 0099"}); res.Status != 200 || res.Body["phone"] != "+6281333000099" {
		t.Fatalf("seller updates the stall phone: %d %s", res.Status, res.Raw)
	}
	anon := testutil.Do(t, f.srv, "GET", "/api/collections/stalls/records/"+testutil.StallX, "", nil)
	if anon.Status != 200 || strings.Contains(string(anon.Raw), "6281333000099") || strings.Contains(string(anon.Raw), "9120001234561") {
		t.Fatalf("anonymous sees private stall data: %s", anon.Raw)
	}
	probe := testutil.Do(t, f.srv, "GET", "/api/collections/stalls/records?filter="+url.QueryEscape(`phone~"0813"`), "", nil)
	if probe.Status != 400 {
		t.Fatalf("filtering by phone must be refused: %d", probe.Status)
	}
	if p := f.world.Record(t, "buyers", testutil.BuyerA).GetString("phone"); p != "+6281234567899" {
		t.Fatalf("phone stored as %s", p)
	}
}

func TestDeactivatedAccountsAreShutOut(t *testing.T) {
	f := newFixture(t)
	order := f.id("order")
	f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(order, testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now()))
	helper := f.world.Token(t, testutil.SellerX2) // a token made while still active

	off := testutil.Do(t, f.srv, "PATCH", "/api/collections/sellers/records/"+testutil.SellerX2, f.world.Token(t, testutil.AdminID), map[string]any{"active": false})
	if off.Status != 200 {
		t.Fatalf("admin deactivates a seller: %d %s", off.Status, off.Raw)
	}
	if list := testutil.Do(t, f.srv, "GET", "/api/collections/orders/records", helper, nil); list.Body["totalItems"] != float64(0) {
		t.Fatalf("a deactivated seller still reads orders: %s", list.Raw)
	}
	if push := testutil.Do(t, f.srv, "POST", "/api/sync/push", helper, map[string]any{"clientId": "d", "mutations": []any{}}); push.Body["code"] != "account_inactive" {
		t.Fatalf("a deactivated seller still pushes: %s", push.Raw)
	}
	signIn := testutil.Do(t, f.srv, "POST", "/api/collections/sellers/auth-with-password", "",
		map[string]any{"identity": "sanan.helper@malpro.test", "password": testutil.TestPassword})
	if signIn.Status == 200 {
		t.Fatal("a deactivated seller still signs in")
	}
	// the other phone of the stall works on
	if list := testutil.Do(t, f.srv, "GET", "/api/collections/orders/records", f.world.Token(t, testutil.SellerX), nil); list.Body["totalItems"] != float64(1) {
		t.Fatalf("the active seller reads the stall's order: %s", list.Raw)
	}
}
