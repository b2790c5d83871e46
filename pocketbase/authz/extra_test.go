package authz_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// extraRows are the finer rules that one generated write per actor does not
// show.
//
// A row named "RULE FIX" says how the API SHOULD behave and fails until one
// of these fixes is applied:
//
//   - private fields through relations: hooks/privacy.go refuses a filter or
//     sort on stalls.nib, stalls.phone and sellers.ktp in a list of stalls or
//     sellers, but the same fields are reachable from every other collection
//     through a relation path (products: stall.nib, stall.phone; orders:
//     stall.nib; order_lines: order.stall.nib; stalls: sellers_via_stall.ktp),
//     so anyone can guess them one digit at a time from which rows come back;
//     and a realtime subscription's filter never passes through the list
//     hook at all (stalls?options={"query":{"filter":"nib~'812'"}}).
//   - manage rule: without a ManageRule on buyers (and sellers) nobody but a
//     superuser may change "verified", an email, or a forgotten password.
//     Fix: ManageRule = @request.auth.collectionName = "admins".
func extraRows() []row {
	const newNIB, newPhone = "8120009990001", "+6281299990001"
	unchanged := func(coll, id, field, value string) func(testing.TB, *tests.TestApp) {
		return fieldIs(coll, id, field, value)
	}
	return []row{
		// --- stalls: a seller edits shop details only --------------------------
		{coll: "stalls", action: "update", actor: "sellerX", id: stallX, name: "own stall slug",
			body: map[string]any{"slug": "bu-sri"}, status: 404, denial: true},
		{coll: "stalls", action: "update", actor: "sellerX", id: stallX, name: "own stall verification",
			body: map[string]any{"verification": "suspended"}, status: 404, denial: true},
		{coll: "stalls", action: "update", actor: "sellerP", id: stallP, name: "own pending stall verifies itself",
			body: map[string]any{"verification": "verified"}, status: 404, denial: true},
		{coll: "stalls", action: "update", actor: "sellerX2", id: stallX, name: "own stall shop details (helper)",
			body:   map[string]any{"name": "Sayur Bu Sri Baru", "hours": map[string]any{"open": "05:00", "close": "12:00", "days": []int{1, 2, 3}}},
			status: 200, expect: []string{`"name":"Sayur Bu Sri Baru"`, `"open":"05:00"`}},
		{coll: "stalls", action: "update", actor: "sellerY", id: stallX, name: "another stall's shop details",
			body: map[string]any{"name": "Direbut"}, status: 404, denial: true},
		{coll: "stalls", action: "update", actor: "sellerX", id: stallX, name: "own stall nib",
			body: map[string]any{"nib": newNIB}, status: 404, denial: true, absent: []string{newNIB},
			events: noWrite("Update"), after: unchanged("stalls", stallX, "nib", nibX)},
		{coll: "stalls", action: "update", actor: "sellerX", id: stallX, name: "own stall phone (a shop detail)",
			body: map[string]any{"phone": "0812 9999 0001"}, status: 200, expect: []string{`"phone":"` + newPhone + `"`},
			after: fieldIs("stalls", stallX, "phone", newPhone)},
		{coll: "stalls", action: "update", actor: "admin", id: stallX, name: "nib and phone",
			body: map[string]any{"nib": newNIB, "phone": newPhone}, status: 200,
			expect: []string{`"nib":"` + newNIB + `"`, `"phone":"` + newPhone + `"`},
			after:  allOf(fieldIs("stalls", stallX, "nib", newNIB), fieldIs("stalls", stallX, "phone", newPhone))},
		{coll: "stalls", action: "update", actor: "admin", id: stallP, name: "verifies the pending stall",
			body: map[string]any{"verification": "verified"}, status: 200, expect: []string{`"verification":"verified"`}},
		{coll: "stalls", action: "update", actor: "admin", id: stallX, name: "suspends a stall (a tombstone for devices)",
			body: map[string]any{"verification": "suspended"}, status: 200,
			events: map[string]int{"OnRecordUpdateRequest": 1, "OnRecordAfterUpdateSuccess": 1, "OnRecordAfterCreateSuccess": 1},
			after:  func(t testing.TB, app *tests.TestApp) { assertTombstone(t, app, "stalls", stallX) }},
		{coll: "stalls", action: "delete", actor: "admin", id: stallX, name: "a stall with sellers and orders cannot go",
			status: 400, events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 0},
			after: unchanged("stalls", stallX, "nib", nibX)},
		{coll: "stalls", action: "list", actor: "anon", name: "list closed stalls", query: "?filter=" + q(`is_open=false`),
			status: 200, ids: []string{stallY}},

		// --- products: only the stall's sellers (and admins) write ---------------
		{coll: "products", action: "create", actor: "sellerX", name: "for another stall",
			body: map[string]any{"stall": stallY, "category": cat1, "name": "Tempe palsu", "unit": "buah", "price": 1}, status: 400, denial: true},
		{coll: "products", action: "create", actor: "sellerP", name: "for its own pending stall",
			body:   map[string]any{"stall": stallP, "category": cat1, "name": "Keripik Pedas", "unit": "bungkus", "price": 12000, "active": true},
			status: 200, expect: []string{`"name":"Keripik Pedas"`}},
		{coll: "products", action: "update", actor: "sellerX", id: prodX1, name: "moves own product to another stall",
			body: map[string]any{"stall": stallY}, status: 404, denial: true},
		{coll: "products", action: "update", actor: "sellerX", id: prodX1, name: "keeps own product in own stall",
			body: map[string]any{"stall": stallX, "name": "Bayam Merah"}, status: 200, expect: []string{`"name":"Bayam Merah"`}},
		{coll: "products", action: "update", actor: "sellerX", id: prodY1, name: "another stall's product",
			body: map[string]any{"price": 1}, status: 404, denial: true},
		{coll: "products", action: "update", actor: "sellerP", id: prodX1, name: "another stall's product (pending seller)",
			body: map[string]any{"stall": stallP}, status: 404, denial: true},
		{coll: "products", action: "update", actor: "admin", id: prodX1, name: "moves a product to another stall",
			body: map[string]any{"stall": stallY}, status: 200, expect: []string{`"stall":"` + stallY + `"`}},
		{coll: "products", action: "delete", actor: "sellerX", id: prodY1, name: "another stall's product",
			status: 404, denial: true},
		{coll: "products", action: "delete", actor: "sellerY", id: prodY1, name: "own product",
			status: 204, events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 1, "OnRecordAfterCreateSuccess": 1}},
		{coll: "products", action: "list", actor: "anon", name: "list inactive products", query: "?filter=" + q(`active=false`),
			status: 200, ids: []string{prodX2, prodY2}},
		{coll: "products", action: "list", actor: "anon", name: "list with expanded stalls", query: "?expand=stall",
			status: 200, ids: []string{prodX1, prodX2, prodY1, prodY2, prodZ1}, expect: []string{`"expand":{"stall":{`}},
		{coll: "products", action: "list", actor: "buyerA", name: "list with expanded stalls", query: "?expand=stall",
			status: 200, ids: []string{prodX1, prodX2, prodY1, prodY2, prodZ1}, expect: []string{stallPhoneX, stallPhoneY}},

		// --- private fields are no filter or sort key for those who may not see
		// them: a filter is a side channel (guessing a value digit by digit) ---
		{coll: "stalls", action: "list", actor: "anon", name: "filter on the nib", query: "?filter=" + q(`nib="`+nibX+`"`),
			status: 400},
		{coll: "stalls", action: "list", actor: "buyerA", name: "sort on the phone", query: "?sort=phone",
			status: 400},
		{coll: "stalls", action: "list", actor: "buyerA", name: "filter on the nib", query: "?filter=" + q(`nib~"812"`),
			status: 400},
		{coll: "stalls", action: "list", actor: "sellerX", name: "filter on its own nib", query: "?filter=" + q(`nib="`+nibX+`"`),
			status: 400}, // simple and safe: only the city filters by private fields
		{coll: "stalls", action: "list", actor: "admin", name: "filter on the nib", query: "?filter=" + q(`nib="`+nibX+`"`),
			status: 200, ids: []string{stallX}},
		{coll: "sellers", action: "list", actor: "sellerX", name: "filter on the other seller's ktp", query: "?filter=" + q(`ktp~"3573"`),
			status: 400},
		// ... through a relation from another collection (RULE FIX)
		{coll: "products", action: "list", actor: "anon", name: "RULE FIX filter on the stall's phone", query: "?filter=" + q(`stall.phone="`+stallPhoneX+`"`),
			status: 400},
		{coll: "products", action: "list", actor: "anon", name: "RULE FIX filter on the stall's nib", query: "?filter=" + q(`stall.nib~"8120001"`),
			status: 400},
		{coll: "products", action: "list", actor: "anon", name: "RULE FIX sort on the stall's phone", query: "?sort=stall.phone",
			status: 400},
		{coll: "orders", action: "list", actor: "buyerA", name: "RULE FIX filter on the stall's nib", query: "?filter=" + q(`stall.nib~"812000111"`),
			status: 400},
		{coll: "order_lines", action: "list", actor: "buyerA", name: "RULE FIX filter on the stall's nib", query: "?filter=" + q(`order.stall.nib~"812000111"`),
			status: 400},
		{coll: "stalls", action: "list", actor: "sellerX", name: "RULE FIX filter on the other seller's ktp", query: "?filter=" + q(`sellers_via_stall.ktp="`+ktpX2+`"`),
			status: 400},
		// ... or in a realtime subscription (the list hook never sees those)
		{coll: "stalls", action: "subscribe", actor: "anon", name: "realtime, filtered on is_open",
			method: http.MethodPost, url: "/api/realtime", before: realtimeClient,
			body: subscribe("stalls", `is_open=true`), status: 204},
		{coll: "stalls", action: "subscribe", actor: "anon", name: "RULE FIX realtime, filtered on the nib",
			method: http.MethodPost, url: "/api/realtime", before: realtimeClient,
			body: subscribe("stalls", `nib~"812000111"`), status: 400},
		{coll: "products", action: "subscribe", actor: "anon", name: "RULE FIX realtime, filtered on the stall's phone",
			method: http.MethodPost, url: "/api/realtime", before: realtimeClient,
			body: subscribe("products", `stall.phone~"+62812345678"`), status: 400},

		// --- tombstones: a seller's delete leaves one, readable by anyone ---------
		{coll: "tombstones", action: "list", actor: "anon", name: "list after seller X deleted a product",
			before: asActor("sellerX", http.MethodDelete, "/api/collections/products/records/"+prodX1, http.StatusNoContent),
			status: 200, expect: []string{`"totalItems":2`, `"id":"` + tomb1 + `"`, `"record":"` + prodX1 + `"`}},
		{coll: "tombstones", action: "list", actor: "anon", name: "list after the city deleted an opd",
			before: asActor("admin", http.MethodDelete, "/api/collections/opds/records/"+opd2, http.StatusNoContent),
			status: 200, expect: []string{`"totalItems":2`, `"record":"` + opd2 + `"`}},
		{coll: "opds", action: "delete", actor: "admin", id: opd1, name: "an opd with buyers cannot go",
			status: 400, events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 0}},
		{coll: "categories", action: "delete", actor: "admin", id: cat1, name: "a category with products cannot go",
			status: 400, events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 0}},

		// --- sellers ---------------------------------------------------------------
		{coll: "sellers", action: "update", actor: "sellerX", id: sellerX1, name: "own stall",
			body: map[string]any{"stall": stallY}, status: 404, denial: true},
		{coll: "sellers", action: "update", actor: "sellerX2", id: sellerX2, name: "own role",
			body: map[string]any{"role": "owner"}, status: 404, denial: true},
		{coll: "sellers", action: "update", actor: "sellerX", id: sellerX1, name: "own active",
			body: map[string]any{"active": false}, status: 404, denial: true},
		{coll: "sellers", action: "update", actor: "sellerX", id: sellerX1, name: "own ktp",
			body: map[string]any{"ktp": "3573019999990001"}, status: 404, denial: true,
			events: noWrite("Update"), after: unchanged("sellers", sellerX1, "ktp", ktpX1)},
		{coll: "sellers", action: "update", actor: "sellerX", id: sellerX1, name: "own phone",
			body: map[string]any{"phone": "0812-3456-7817"}, status: 200, expect: []string{`"phone":"+6281234567817"`}},
		{coll: "sellers", action: "update", actor: "sellerX", id: sellerX1, name: "own verified",
			body: map[string]any{"verified": false}, status: 400},
		{coll: "sellers", action: "update", actor: "admin", id: sellerX2, name: "moves a seller and changes the role",
			body: map[string]any{"stall": stallY, "role": "owner", "active": false}, status: 200, expect: []string{`"stall":"` + stallY + `"`}},
		{coll: "sellers", action: "update", actor: "admin", id: sellerX2, name: "records the ktp",
			body: map[string]any{"ktp": "3573019999990002"}, status: 200, expect: []string{`"ktp":"3573019999990002"`},
			after: fieldIs("sellers", sellerX2, "ktp", "3573019999990002")},
		{coll: "sellers", action: "view", actor: "sellerX", id: sellerX2, name: "the other seller of the stall, without its ktp",
			status: 200, expect: []string{sellerPhoneX2}, absent: []string{ktpX2, `"ktp"`}},
		{coll: "sellers", action: "view", actor: "sellerX", id: sellerX1, name: "themself, with the ktp",
			status: 200, expect: []string{`"ktp":"` + ktpX1 + `"`}},

		// --- buyers ----------------------------------------------------------------
		{coll: "buyers", action: "update", actor: "buyerA", id: buyerA, name: "own nip",
			body: map[string]any{"nip": "198001012005012004"}, status: 404, denial: true},
		{coll: "buyers", action: "update", actor: "buyerA", id: buyerA, name: "own active",
			body: map[string]any{"active": false}, status: 404, denial: true},
		{coll: "buyers", action: "update", actor: "buyerA", id: buyerA, name: "own verified",
			body: map[string]any{"verified": true}, status: 404, denial: true},
		{coll: "buyers", action: "update", actor: "buyerA", id: buyerA, name: "own phone and address",
			body:   map[string]any{"phone": "0812-3456-7829", "address": "Jl. Kawi 2", "kecamatan": "lowokwaru"},
			status: 200, expect: []string{`"phone":"+6281234567829"`, `"kecamatan":"lowokwaru"`, nipA}},
		{coll: "buyers", action: "update", actor: "admin", id: buyerB, name: "nip and active",
			body: map[string]any{"nip": "198001012005012004", "active": false}, status: 200,
			expect: []string{`"nip":"198001012005012004"`, `"active":false`}},
		{coll: "buyers", action: "update", actor: "admin", id: buyerB, name: "RULE FIX verifies a buyer",
			body: map[string]any{"verified": true}, status: 200, expect: []string{`"verified":true`}},
		{coll: "buyers", action: "delete", actor: "admin", id: buyerB, name: "a buyer with orders cannot go",
			status: 400, events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 0}},
		{coll: "buyers", action: "list", actor: "sellerX", name: "filter by nip", query: "?filter=" + q(`nip="`+nipA+`"`),
			status: 200, ids: []string{}},

		// --- orders: the parties only, and no buyer record behind them -------------
		{coll: "orders", action: "view", actor: "sellerX", id: orderA, name: "with expanded buyer", query: "?expand=buyer",
			status: 200, expect: []string{`"delivery_phone":"` + deliveryPhoneA + `"`}, absent: []string{`"buyer":{`}},
		{coll: "orders", action: "view", actor: "buyerA", id: orderA, name: "with expanded buyer and stall", query: "?expand=buyer,stall",
			status: 200, expect: []string{nipA, stallPhoneX}},
		{coll: "orders", action: "list", actor: "sellerX", name: "probing the buyer's nip", query: "?filter=" + q(`buyer.nip="`+nipA+`"`),
			status: 200, ids: []string{}},
		{coll: "orders", action: "list", actor: "sellerY", name: "probing another stall's orders", query: "?filter=" + q(`stall="`+stallX+`"`),
			status: 200, ids: []string{}},
		{coll: "order_lines", action: "list", actor: "sellerX", name: "with expanded order and buyer", query: "?expand=order.buyer",
			status: 200, ids: []string{lineA1, lineA2}, expect: []string{`"expand":{"order":{`}, absent: []string{`"buyer":{`}},
		{coll: "order_lines", action: "list", actor: "buyerB", name: "probing A's lines", query: "?filter=" + q(`order="`+orderA+`"`),
			status: 200, ids: []string{}},
		// the batch API is off: it cannot write orders either
		{coll: "orders", action: "create", actor: "buyerA", name: "through the batch API", method: http.MethodPost, url: "/api/batch",
			body: map[string]any{"requests": []map[string]any{{"method": "POST", "url": "/api/collections/orders/records",
				"body": map[string]any{"buyer": buyerA, "stall": stallX, "status": "placed", "payment_method": "cod", "delivery_method": "pickup"}}}},
			status: 403, denial: true},

		// --- admins ----------------------------------------------------------------
		{coll: "admins", action: "update", actor: "admin", id: admin2, name: "another admin",
			body: map[string]any{"name": "Diganti"}, status: 404, denial: true},

		// --- "id = @request.auth.id" in the rules is safe only because PocketBase
		// keeps an auth record's id unique across ALL auth collections --------
		{coll: "sellers", action: "create", actor: "admin", name: "with buyer A's id",
			body: map[string]any{"id": buyerA, "email": "twin@example.com", "password": password, "passwordConfirm": password,
				"name": "Kembar", "phone": "081234567819", "stall": stallP, "role": "helper"},
			status: 400, expect: []string{"validation_invalid_auth_id"},
			after: func(t testing.TB, app *tests.TestApp) {
				if n, _ := app.CountRecords("sellers"); int(n) != mainFx.counts["sellers"] {
					t.Errorf("a seller with buyer A's id was saved")
				}
			}},
		{coll: "buyers", action: "create", actor: "admin", name: "with admin 1's id",
			body: map[string]any{"id": admin1, "nip": "197001012000011003", "name": "Kembar", "opd": opd1,
				"password": password, "passwordConfirm": password},
			status: 400, expect: []string{"validation_invalid_auth_id"}},
	}
}

// realtimeClientID is the id of the realtime client that realtimeClient
// registers (a real one connects through GET /api/realtime first).
const realtimeClientID = "authzrealtimeclient"

type fixedIDClient struct {
	*subscriptions.DefaultClient
}

func (fixedIDClient) Id() string { return realtimeClientID }

func realtimeClient(_ testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
	app.SubscriptionsBroker().Register(fixedIDClient{subscriptions.NewDefaultClient()})
}

// subscribe is the body of a realtime subscription to coll with a filter.
func subscribe(coll, filter string) map[string]any {
	options, _ := json.Marshal(map[string]any{"query": map[string]any{"filter": filter}})
	return map[string]any{
		"clientId":      realtimeClientID,
		"subscriptions": []string{coll + "?options=" + url.QueryEscape(string(options))},
	}
}

// noWrite are the events of a write refused before the database: its
// request hook may run (a hook can refuse it) but nothing is saved.
func noWrite(action string) map[string]int {
	return map[string]int{"OnRecord" + action: 0, "OnRecordAfter" + action + "Success": 0, "OnRecordEnrich": 0}
}

// q escapes a filter for a URL.
func q(filter string) string {
	r := strings.NewReplacer(" ", "%20", `"`, "%22", "=", "%3D", "&", "%26", "|", "%7C", "!", "%21", "~", "%7E", "+", "%2B", "'", "%27")
	return r.Replace(filter)
}

// asActor makes a request before the scenario's own, as one of the fixture's actors.
func asActor(actorName, method, url string, wantStatus int) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, _ *tests.TestApp, e *core.ServeEvent) {
		t.Helper()
		mux, err := e.Router.BuildMux()
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(method, url, nil)
		for k, v := range mainFx.actors[actorName].headers() {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		if rec.Code != wantStatus {
			t.Fatalf("%s %s as %s: %d %s", method, url, actorName, rec.Code, rec.Body.String())
		}
	}
}
