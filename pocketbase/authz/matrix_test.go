package authz_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
)

// The authorization matrix of issue 3: every collection × every actor ×
// list / view / create / update / delete, through the records API.
//
// Per collection, collSpec says which records each actor lists (and may
// view, one by one) and, per write, who succeeds; rows are generated from
// it. extraRows (extra_test.go) adds the finer rules: which fields a seller
// or buyer may change, privacy through expand, filter and sort, tombstones,
// and the cross-collection auth id check the "id = @request.auth.id" rules
// rely on.
//
// Every scenario also checks that no personal value the actor may not see
// (secrets in fixtures_test.go) is in the response, and every denied write
// that the database did not change.
//
// The scenario count is printed at the end; go test hides the output of a
// passing package in package-list mode, so run
//
//	go test -v -run TestAuthorizationMatrix ./authz/ | grep 'authorization matrix'
//
// (or `go test` inside authz/) to see it.

// matrixActors are the callers of the generated rows.
var matrixActors = []string{"anon", "buyerA", "buyerB", "sellerX", "sellerX2", "sellerY", "sellerP", "admin"}

// catalogCollections leave a tombstone when a row is deleted (hooks/tombstones.go).
var catalogCollections = []string{"stalls", "products", "categories", "opds"}

type collSpec struct {
	name   string
	ids    []string            // every record of the fixture
	sees   map[string][]string // actor -> exactly the records it lists (and may view)
	closed bool                // no list or view rule: superusers only (403 for everyone else)
	create write
	update write
	delete write
}

// write is one write per actor: it succeeds for allowed, everyone else gets denied.
type write struct {
	id      string // update and delete target
	body    map[string]any
	allowed []string
	denied  int
	expect  []string       // in a successful response
	events  map[string]int // of a success; nil for the default
}

// row is one scenario.
type row struct {
	name   string // what it shows; generated rows get one from the fields below
	coll   string
	action string // list, view, create, update, delete
	actor  string
	id     string
	query  string // e.g. "?expand=stall"
	method string // overrides (other routes)
	url    string
	body   map[string]any
	status int
	ids    []string // list: exactly these records come back
	expect []string
	absent []string
	events map[string]int // nil: defaults (or none for extra successful rows)
	denial bool           // a rule refused it: no hook fires, nothing changes
	before func(t testing.TB, app *tests.TestApp, e *core.ServeEvent)
	after  func(t testing.TB, app *tests.TestApp)
}

func TestAuthorizationMatrix(t *testing.T) {
	var rows []row
	for _, spec := range collectionSpecs() {
		rows = append(rows, generate(spec)...)
	}
	generated := len(rows)
	rows = append(rows, extraRows()...)

	// Each scenario runs on a fresh clone of the fixture data dir; the
	// collections run in parallel, their scenarios one after another.
	newApp := func(t testing.TB) *tests.TestApp { return mainFx.newApp(t) }
	var order []string
	byColl := map[string][]row{}
	covered := map[string]bool{}
	for _, r := range rows {
		if byColl[r.coll] == nil {
			order = append(order, r.coll)
		}
		byColl[r.coll] = append(byColl[r.coll], r)
		covered[r.coll+" "+r.action+" "+r.actor] = true
	}
	t.Run("collections", func(t *testing.T) {
		for _, coll := range order {
			t.Run(coll, func(t *testing.T) {
				t.Parallel()
				for _, r := range byColl[coll] {
					s := r.scenario()
					s.TestAppFactory = newApp
					s.Test(t)
				}
			})
		}
	})

	// the matrix is complete: every collection × actor × action
	for _, spec := range collectionSpecs() {
		for _, a := range matrixActors {
			for _, action := range []string{"list", "view", "create", "update", "delete"} {
				if !covered[spec.name+" "+action+" "+a] {
					t.Errorf("no scenario for %s %s by %s", spec.name, action, a)
				}
			}
		}
	}

	t.Logf("authorization matrix: %d scenarios (%d generated, %d extra)", len(rows), generated, len(rows)-generated)
	fmt.Printf("authorization matrix: %d scenarios (%d generated from %d collections x %d actors, %d extra)\n",
		len(rows), generated, len(collectionSpecs()), len(matrixActors), len(rows)-generated)
}

// everyone lists ids.
func everyone(ids ...string) map[string][]string {
	m := map[string][]string{}
	for _, a := range matrixActors {
		m[a] = ids
	}
	return m
}

func join(parts ...[]string) []string { return slices.Concat(parts...) }

func collectionSpecs() []collSpec {
	publicStalls := []string{stallX, stallY, stallZ}
	publicProducts := []string{prodX1, prodX2, prodY1, prodY2, prodZ1}

	stalls := everyone(publicStalls...)
	stalls["sellerP"] = join(publicStalls, []string{stallP}) // its own pending stall
	stalls["admin"] = join(publicStalls, []string{stallP})

	products := everyone(publicProducts...)
	products["sellerP"] = join(publicProducts, []string{prodP1})
	products["admin"] = join(publicProducts, []string{prodP1})

	sellersX := []string{sellerX1, sellerX2}
	linesA := []string{lineA1, lineA2}

	return []collSpec{
		{
			name: "opds", ids: []string{opd1, opd2},
			sees: everyone(opd1, opd2), // inactive ones too
			create: write{body: map[string]any{"code": "DINKES", "name": "Dinas Kesehatan", "active": true},
				allowed: []string{"admin"}, denied: 400, expect: []string{`"code":"DINKES"`}},
			update: write{id: opd1, body: map[string]any{"name": "Diskominfo Kota Malang"},
				allowed: []string{"admin"}, denied: 404, expect: []string{`"name":"Diskominfo Kota Malang"`}},
			delete: write{id: opd2, allowed: []string{"admin"}, denied: 404},
		},
		{
			name: "categories", ids: []string{cat1, cat2},
			sees: everyone(cat1, cat2),
			create: write{body: map[string]any{"slug": "buah", "name": "Buah", "name_en": "Fruit", "sort": 3, "active": true},
				allowed: []string{"admin"}, denied: 400, expect: []string{`"slug":"buah"`}},
			update: write{id: cat1, body: map[string]any{"name": "Sayuran"},
				allowed: []string{"admin"}, denied: 404, expect: []string{`"name":"Sayuran"`}},
			delete: write{id: cat2, allowed: []string{"admin"}, denied: 404},
		},
		{
			name: "admins", ids: []string{admin1, admin2},
			sees: map[string][]string{"admin": {admin1, admin2}},
			// accounts of city staff are made by a superuser only
			create: write{body: map[string]any{"email": "admin3@malangkota.go.id", "password": password, "passwordConfirm": password, "name": "Admin Tiga"},
				denied: 403},
			update: write{id: admin1, body: map[string]any{"name": "Admin Utama"},
				allowed: []string{"admin"}, denied: 404, expect: []string{`"name":"Admin Utama"`}}, // themself
			delete: write{id: admin2, denied: 403},
		},
		{
			name: "stalls", ids: []string{stallX, stallY, stallZ, stallP},
			sees: stalls,
			create: write{body: map[string]any{
				"name": "Bakso Pak Di", "slug": "bakso-pak-di", "owner_name": "Pak Di",
				"nib": "8120005556667", "phone": "0812 3456 7805", "address": "Jl. Soekarno Hatta 9",
				"kecamatan": "lowokwaru", "verification": "verified", "is_open": true,
			}, allowed: []string{"admin"}, denied: 400,
				expect: []string{`"slug":"bakso-pak-di"`, `"nib":"8120005556667"`, `"phone":"+6281234567805"`}},
			update: write{id: stallX, body: map[string]any{"description": "Sayur segar setiap pagi", "is_open": false},
				allowed: []string{"sellerX", "sellerX2", "admin"}, denied: 404,
				expect: []string{`"description":"Sayur segar setiap pagi"`, `"is_open":false`}},
			// Z has no sellers and no orders; its product goes with it, each leaving a tombstone
			delete: write{id: stallZ, allowed: []string{"admin"}, denied: 404,
				events: map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 2, "OnRecordAfterCreateSuccess": 2}},
		},
		{
			name: "sellers", ids: []string{sellerX1, sellerX2, sellerY1, sellerP1},
			sees: map[string][]string{
				"sellerX": sellersX, "sellerX2": sellersX, // the other seller of the same stall
				"sellerY": {sellerY1}, "sellerP": {sellerP1},
				"admin": {sellerX1, sellerX2, sellerY1, sellerP1},
			},
			create: write{body: map[string]any{
				"email": "x3@example.com", "password": password, "passwordConfirm": password,
				"name": "Pembantu baru", "phone": "081234567816", "stall": stallX, "role": "helper", "active": true,
			}, allowed: []string{"admin"}, denied: 400, expect: []string{`"phone":"+6281234567816"`}},
			update: write{id: sellerX1, body: map[string]any{"name": "Bu Sri"},
				allowed: []string{"sellerX", "admin"}, denied: 404, expect: []string{`"name":"Bu Sri"`}}, // themself
			delete: write{id: sellerX2, allowed: []string{"admin"}, denied: 404},
		},
		{
			name: "buyers", ids: []string{buyerA, buyerB, buyerC},
			sees: map[string][]string{"buyerA": {buyerA}, "buyerB": {buyerB}, "admin": {buyerA, buyerB, buyerC}},
			create: write{body: map[string]any{
				"nip": "1980 0101 2005 01 2 004", "name": "Dewi", "opd": opd1,
				"password": password, "passwordConfirm": password, "active": true,
			}, allowed: []string{"admin"}, denied: 400, expect: []string{`"nip":"198001012005012004"`}},
			update: write{id: buyerA, body: map[string]any{"name": "Budi Santoso"},
				allowed: []string{"buyerA", "admin"}, denied: 404, expect: []string{`"name":"Budi Santoso"`}},
			delete: write{id: buyerC, allowed: []string{"admin"}, denied: 404},
		},
		{
			name: "products", ids: []string{prodX1, prodX2, prodY1, prodY2, prodZ1, prodP1},
			sees: products,
			create: write{body: map[string]any{"stall": stallX, "category": cat1, "name": "Sawi", "unit": "ikat", "price": 4000, "stock": 5, "active": true},
				allowed: []string{"sellerX", "sellerX2", "admin"}, denied: 400, expect: []string{`"name":"Sawi"`, `"stall":"` + stallX + `"`}},
			update: write{id: prodX1, body: map[string]any{"price": 5500, "active": false},
				allowed: []string{"sellerX", "sellerX2", "admin"}, denied: 404, expect: []string{`"price":5500`, `"active":false`}},
			delete: write{id: prodX2, allowed: []string{"sellerX", "sellerX2", "admin"}, denied: 404},
		},
		{
			name: "orders", ids: []string{orderA, orderB},
			sees: map[string][]string{
				"buyerA": {orderA}, "buyerB": {orderB},
				"sellerX": {orderA}, "sellerX2": {orderA}, "sellerY": {orderB},
				"admin": {orderA, orderB},
			},
			// written only by the server's sync route, never through the records API
			create: write{body: map[string]any{"buyer": buyerA, "stall": stallX, "status": "placed", "payment_method": "cod", "delivery_method": "pickup", "total": 1}, denied: 403},
			update: write{id: orderA, body: map[string]any{"status": "accepted"}, denied: 403},
			delete: write{id: orderA, denied: 403},
		},
		{
			name: "order_lines", ids: []string{lineA1, lineA2, lineB1},
			sees: map[string][]string{
				"buyerA": linesA, "buyerB": {lineB1},
				"sellerX": linesA, "sellerX2": linesA, "sellerY": {lineB1},
				"admin": {lineA1, lineA2, lineB1},
			},
			create: write{body: map[string]any{"order": orderA, "product_name": "Bayam", "qty": 1, "price": 1}, denied: 403},
			update: write{id: lineA1, body: map[string]any{"qty": 3}, denied: 403},
			delete: write{id: lineA1, denied: 403},
		},
		{
			// the sync route's idempotency log (migration 1764300100): server only
			name: "mutations", ids: []string{mutation1}, closed: true,
			create: write{body: map[string]any{"owner": "buyers:" + buyerA, "mutation_id": "m00000000000002", "name": "order.place", "args_hash": "x", "status": "applied"}, denied: 403},
			update: write{id: mutation1, body: map[string]any{"status": "rejected"}, denied: 403},
			delete: write{id: mutation1, denied: 403},
		},
		{
			name: "tombstones", ids: []string{tomb1},
			sees:   everyone(tomb1),
			create: write{body: map[string]any{"coll": "products", "record": prodX1}, denied: 403},
			update: write{id: tomb1, body: map[string]any{"record": prodX1}, denied: 403},
			delete: write{id: tomb1, denied: 403},
		},
	}
}

// generate makes the rows of one collection: for every actor a list, a view
// of each record, and one create, update and delete.
func generate(spec collSpec) []row {
	var rows []row
	for _, a := range matrixActors {
		sees := append([]string{}, spec.sees[a]...)
		if spec.closed {
			rows = append(rows, row{coll: spec.name, action: "list", actor: a, status: 403, denial: true})
		} else {
			rows = append(rows, row{coll: spec.name, action: "list", actor: a, status: 200, ids: sees})
		}
		for _, id := range spec.ids {
			r := row{coll: spec.name, action: "view", actor: a, id: id, status: 200}
			switch {
			case spec.closed:
				r.status, r.denial = 403, true
			case !slices.Contains(sees, id):
				r.status, r.denial = 404, true
			}
			rows = append(rows, r)
		}
		for _, w := range []struct {
			action string
			write
		}{{"create", spec.create}, {"update", spec.update}, {"delete", spec.delete}} {
			r := row{coll: spec.name, action: w.action, actor: a, id: w.id, body: w.body}
			if slices.Contains(w.allowed, a) {
				r.status, r.expect, r.events = 200, w.expect, w.events
				if w.action == "delete" {
					r.status = 204
				}
			} else {
				r.status, r.denial = w.denied, true
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// scenario turns a row into a tests.ApiScenario with its checks.
func (r row) scenario() tests.ApiScenario {
	a, ok := mainFx.actors[r.actor]
	if !ok {
		panic("unknown actor " + r.actor)
	}
	visible, hidden := secretsFor(a)

	method, url := r.method, r.url
	if method == "" {
		method = map[string]string{"list": "GET", "view": "GET", "create": "POST", "update": "PATCH", "delete": "DELETE"}[r.action]
	}
	if url == "" {
		url = "/api/collections/" + r.coll + "/records"
		if r.action != "list" && r.action != "create" {
			url += "/" + r.id
		}
		url += r.query
	}

	name := r.name
	if name == "" {
		name = r.action
		if r.id != "" {
			name += " " + r.id
		}
	}
	s := tests.ApiScenario{
		Name:           fmt.Sprintf("%s by %s → %d", name, r.actor, r.status),
		Method:         method,
		URL:            url,
		Headers:        a.headers(),
		ExpectedStatus: r.status,
		ExpectedEvents: r.events,
		BeforeTestFunc: r.before,
	}
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			panic(err)
		}
		s.Body = strings.NewReader(string(b))
	}

	if r.status != 204 { // a 204 must have an empty body
		s.ExpectedContent = append(s.ExpectedContent, r.expect...)
		s.NotExpectedContent = append(append(s.NotExpectedContent, hidden...), r.absent...)
	}
	switch {
	case r.status >= 400:
		s.ExpectedContent = append(s.ExpectedContent, fmt.Sprintf(`"status":%d`, r.status))
	case r.action == "list" && r.ids != nil: // exactly these records
		s.ExpectedContent = append(s.ExpectedContent, fmt.Sprintf(`"totalItems":%d`, len(r.ids)))
		for _, id := range mainFx.idsOf(r.coll) {
			if slices.Contains(r.ids, id) {
				s.ExpectedContent = append(s.ExpectedContent, `"id":"`+id+`"`)
				if r.name == "" { // generated rows: with the personal data the actor may see
					s.ExpectedContent = append(s.ExpectedContent, visible[id]...)
				}
			} else {
				s.NotExpectedContent = append(s.NotExpectedContent, `"id":"`+id+`"`)
			}
		}
	case (r.action == "view" || r.action == "update") && r.status == 200 && r.query == "":
		s.ExpectedContent = append(s.ExpectedContent, `"id":"`+r.id+`"`)
		if r.name == "" { // generated rows do not change personal data
			s.ExpectedContent = append(s.ExpectedContent, visible[r.id]...)
		}
	}

	if s.ExpectedEvents == nil && (r.denial || r.name == "") {
		s.ExpectedEvents = r.defaultEvents()
	}
	s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		r.checkDatabase(t, app)
		if r.after != nil && res.StatusCode == r.status {
			r.after(t, app)
		}
	}
	return s
}

func (r row) defaultEvents() map[string]int {
	if r.denial {
		return map[string]int{"*": 0} // refused before any hook
	}
	switch r.action {
	case "list":
		return map[string]int{"OnRecordsListRequest": 1, "OnRecordEnrich": len(r.ids)}
	case "view":
		return map[string]int{"OnRecordViewRequest": 1, "OnRecordEnrich": 1}
	case "create":
		return map[string]int{"OnRecordCreateRequest": 1, "OnRecordAfterCreateSuccess": 1, "OnRecordAfterCreateError": 0}
	case "update":
		return map[string]int{"OnRecordUpdateRequest": 1, "OnRecordAfterUpdateSuccess": 1, "OnRecordAfterUpdateError": 0}
	case "delete":
		tombstones := 0
		if slices.Contains(catalogCollections, r.coll) {
			tombstones = 1
		}
		return map[string]int{"OnRecordDeleteRequest": 1, "OnRecordAfterDeleteSuccess": 1, "OnRecordAfterCreateSuccess": tombstones}
	}
	return nil
}

// checkDatabase proves what a write did: a denied one changed nothing, a
// delete removed the record and left a tombstone for a catalog row.
func (r row) checkDatabase(t testing.TB, app *tests.TestApp) {
	t.Helper()
	switch {
	case r.denial && r.action == "create":
		n, err := app.CountRecords(r.coll)
		if err != nil || int(n) != mainFx.counts[r.coll] {
			t.Errorf("denied create changed %s: %d records (was %d) %v", r.coll, n, mainFx.counts[r.coll], err)
		}
	case r.denial && (r.action == "update" || r.action == "delete"):
		rec, err := app.FindRecordById(r.coll, r.id)
		if err != nil {
			t.Errorf("denied %s removed %s/%s: %v", r.action, r.coll, r.id, err)
		} else if rec.GetString("updated") != mainFx.updated[r.coll+"/"+r.id] {
			t.Errorf("denied %s changed %s/%s", r.action, r.coll, r.id)
		}
	case r.action == "delete" && r.status == 204:
		if _, err := app.FindRecordById(r.coll, r.id); err == nil {
			t.Errorf("%s/%s still there after its delete", r.coll, r.id)
		}
		if slices.Contains(catalogCollections, r.coll) {
			assertTombstone(t, app, r.coll, r.id)
		}
	}
}

func assertTombstone(t testing.TB, app *tests.TestApp, coll, id string) {
	t.Helper()
	if _, err := app.FindFirstRecordByData("tombstones", "record", id); err != nil {
		t.Errorf("no tombstone for %s/%s: %v", coll, id, err)
	}
}

// fieldIs checks a stored value after a write.
func fieldIs(coll, id, field, want string) func(testing.TB, *tests.TestApp) {
	return func(t testing.TB, app *tests.TestApp) {
		t.Helper()
		rec, err := app.FindRecordById(coll, id)
		if err != nil {
			t.Fatalf("%s/%s: %v", coll, id, err)
		}
		if got := rec.GetString(field); got != want {
			t.Errorf("%s/%s %s = %q, want %q", coll, id, field, got, want)
		}
	}
}

func allOf(checks ...func(testing.TB, *tests.TestApp)) func(testing.TB, *tests.TestApp) {
	return func(t testing.TB, app *tests.TestApp) {
		for _, c := range checks {
			c(t, app)
		}
	}
}

func (f *fixture) idsOf(coll string) []string {
	var ids []string
	for key := range f.updated {
		if c, id, _ := strings.Cut(key, "/"); c == coll {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
