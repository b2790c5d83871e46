package hooks_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"malpro/domain"
	"malpro/hooks"
	"malpro/testutil"
)

type fixture struct {
	app   *tests.TestApp
	world *testutil.World
	srv   *httptest.Server
	seq   int
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	world := testutil.NewWorld(t, app)
	return &fixture{app: app, world: world, srv: testutil.Serve(t, app)}
}

// id makes a fresh 15-character id.
func (f *fixture) id(prefix string) string {
	f.seq++
	return fmt.Sprintf("%s%0*d", prefix, 15-len(prefix), f.seq)
}

func mutation(id, name string, args map[string]any, created time.Time) map[string]any {
	return map[string]any{"id": id, "name": name, "args": args, "createdAt": created.UTC().Format(time.RFC3339Nano)}
}

func (f *fixture) push(t *testing.T, who string, mutations ...map[string]any) testutil.Response {
	t.Helper()
	return testutil.Do(t, f.srv, "POST", "/api/sync/push", f.world.Token(t, who),
		map[string]any{"clientId": "device-1", "mutations": mutations})
}

// result returns the single result of a one-mutation push.
func (f *fixture) result(t *testing.T, who string, m map[string]any) map[string]any {
	t.Helper()
	res := f.push(t, who, m)
	if res.Status != 200 {
		t.Fatalf("push status %d: %s", res.Status, res.Raw)
	}
	results := res.Body["results"].([]any)
	if len(results) != 1 {
		t.Fatalf("want 1 result, got %s", res.Raw)
	}
	return results[0].(map[string]any)
}

func placeArgs(order, stall string, lines ...map[string]any) map[string]any {
	return map[string]any{"order": order, "stall": stall, "delivery": "opd", "payment": "cod", "note": "Antar ke lantai 2", "lines": lines}
}

func (f *fixture) line(product string, qty, seenPrice int) map[string]any {
	return map[string]any{"id": f.id("line"), "product": product, "qty": qty, "seenPrice": seenPrice}
}

func (f *fixture) count(t *testing.T, collection, filter string) int {
	t.Helper()
	n, err := f.app.CountRecords(collection)
	if filter != "" {
		records, ferr := f.app.FindRecordsByFilter(collection, filter, "", 0, 0)
		n, err = int64(len(records)), ferr
	}
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func (f *fixture) stock(t *testing.T, product string) int {
	return f.world.Record(t, "products", product).GetInt("stock")
}

func TestPlaceOrderOnceAndReprice(t *testing.T) {
	f := newFixture(t)
	order := f.id("order")
	m := mutation(f.id("mut"), "order.place", placeArgs(order, testutil.StallX,
		f.line(testutil.ProductX1, 2, 15000), f.line(testutil.ProductX2, 1, 17500)), time.Now())

	first := f.result(t, testutil.BuyerA, m)
	if first["status"] != "applied" {
		t.Fatalf("first push: %v", first)
	}
	data := first["data"].(map[string]any)
	if data["status"] != "placed" || data["total"] != float64(47500) {
		t.Fatalf("data: %v", data)
	}

	// the same mutation again (a resend after a timeout): the stored answer, one order
	again := f.result(t, testutil.BuyerA, m)
	if again["status"] != "duplicate" || again["data"].(map[string]any)["total"] != float64(47500) {
		t.Fatalf("resend: %v", again)
	}
	if n := f.count(t, "orders", ""); n != 1 {
		t.Fatalf("want 1 order, got %d", n)
	}
	if n := f.count(t, "order_lines", ""); n != 2 {
		t.Fatalf("want 2 lines, got %d", n)
	}
	if s := f.stock(t, testutil.ProductX1); s != 98 {
		t.Fatalf("stock taken once: want 98, got %d", s)
	}

	// the same id with other args
	m2 := mutation(m["id"].(string), "order.place", placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductX1, 9, 15000)), time.Now())
	reused := f.result(t, testutil.BuyerA, m2)
	if reused["status"] != "rejected" || reused["code"] != "id_reused" {
		t.Fatalf("id reuse: %v", reused)
	}
	if n := f.count(t, "orders", ""); n != 1 {
		t.Fatalf("id_reused must write nothing, got %d orders", n)
	}

	// idempotency is per user: buyer B may use the same mutation id
	m3 := mutation(m["id"].(string), "order.place", placeArgs(f.id("order"), testutil.StallY, f.line(testutil.ProductY1, 1, 45000)), time.Now())
	if r := f.result(t, testutil.BuyerB, m3); r["status"] != "applied" {
		t.Fatalf("other user's same id: %v", r)
	}

	o := f.world.Record(t, "orders", order)
	if o.GetString("buyer") != testutil.BuyerA || o.GetString("delivery_opd") != testutil.OpdID ||
		o.GetString("delivery_phone") != "+6281234567801" || !o.GetBool("stock_held") {
		t.Fatalf("order fields: %v", o.PublicExport())
	}
}

func TestPlaceOrderIgnoresTamperingAndOtherBuyers(t *testing.T) {
	f := newFixture(t)
	order := f.id("order")
	args := placeArgs(order, testutil.StallX, map[string]any{
		"id": f.id("line"), "product": testutil.ProductX1, "qty": 1, "seenPrice": 15000, "price": 1, "lineTotal": 1,
	})
	args["total"] = 1
	args["status"] = "completed"
	args["buyer"] = testutil.BuyerB
	r := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", args, time.Now()))
	if r["status"] != "applied" {
		t.Fatal(r)
	}
	o := f.world.Record(t, "orders", order)
	if o.GetInt("total") != 15000 || o.GetString("status") != "placed" || o.GetString("buyer") != testutil.BuyerA {
		t.Fatalf("tampering must be ignored: %v", o.PublicExport())
	}
}

func TestPlaceOrderNeedsConfirmation(t *testing.T) {
	cases := []struct {
		name    string
		stall   string
		product string
		qty     int
		seen    int
		created time.Duration // before now
		reason  string
		total   float64
	}{
		{"price changed", testutil.StallX, testutil.ProductX1, 2, 14000, 0, domain.ReasonPriceChanged, 30000},
		{"stock short", testutil.StallX, testutil.ProductX2, 5, 17500, 0, domain.ReasonStockShort, 52500},
		{"stall closed", testutil.StallClosed, testutil.ProductC1, 1, 10000, 0, domain.ReasonStallClosed, 10000},
		{"queued over 72 hours", testutil.StallX, testutil.ProductX1, 1, 15000, 73 * time.Hour, domain.ReasonStale, 15000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			order := f.id("order")
			stockBefore := f.stock(t, c.product)
			r := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place",
				placeArgs(order, c.stall, f.line(c.product, c.qty, c.seen)), time.Now().Add(-c.created)))
			data := r["data"].(map[string]any)
			if r["status"] != "applied" || data["status"] != "needs_confirmation" || data["total"] != c.total {
				t.Fatalf("%v", r)
			}
			if reasons := data["reasons"].([]any); len(reasons) != 1 || reasons[0] != c.reason {
				t.Fatalf("reasons %v", reasons)
			}
			if f.stock(t, c.product) != stockBefore {
				t.Fatal("needs_confirmation must not take stock")
			}

			// the buyer confirms: placed at the server's price, stock taken
			conf := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.confirm", map[string]any{"order": order}, time.Now()))
			if conf["status"] != "applied" || conf["data"].(map[string]any)["status"] != "placed" {
				t.Fatalf("confirm: %v", conf)
			}
			o := f.world.Record(t, "orders", order)
			if o.GetString("status") != "placed" || float64(o.GetInt("total")) != c.total || !o.GetBool("stock_held") {
				t.Fatalf("after confirm: %v", o.PublicExport())
			}
			// then cancels: the stock comes back
			cancel := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.cancel", map[string]any{"order": order, "reason": "tidak jadi"}, time.Now()))
			if cancel["status"] != "applied" || f.stock(t, c.product) != stockBefore {
				t.Fatalf("cancel: %v stock %d", cancel, f.stock(t, c.product))
			}
		})
	}
}

func TestFutureCreatedAtIsNotStaleOrNegative(t *testing.T) {
	f := newFixture(t)
	r := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place",
		placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now().Add(24*time.Hour)))
	if r["data"].(map[string]any)["status"] != "placed" {
		t.Fatal(r)
	}
}

func TestRejectionsAreStoredAndStable(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		who  string
		m    map[string]any
		code string
	}{
		{"seller cannot place", testutil.SellerX, mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now()), "role_not_allowed"},
		{"product of another stall", testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductY1, 1, 45000)), time.Now()), "product_unavailable"},
		{"unknown stall", testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), "nostall00000000", f.line(testutil.ProductX1, 1, 15000)), time.Now()), "stall_unavailable"},
		{"wrong arg types", testutil.BuyerA, mutation(f.id("mut"), "order.place", map[string]any{"order": 12, "lines": "x"}, time.Now()), "args_invalid"},
		{"bad delivery", testutil.BuyerA, mutation(f.id("mut"), "order.place", map[string]any{"order": f.id("order"), "stall": testutil.StallX, "delivery": "drone", "payment": "cod", "lines": []any{}}, time.Now()), "delivery_invalid"},
		{"unknown mutation", testutil.BuyerA, mutation(f.id("mut"), "order.teleport", map[string]any{}, time.Now()), "unknown_mutation"},
		{"empty order", testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallX), time.Now()), "lines_required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := f.result(t, c.who, c.m)
			if r["status"] != "rejected" || r["code"] != c.code || r["message"] == "" {
				t.Fatalf("want rejected %s with a message, got %v", c.code, r)
			}
			again := f.result(t, c.who, c.m)
			if again["status"] != "rejected" || again["code"] != c.code {
				t.Fatalf("a rejection answers the same when resent: %v", again)
			}
		})
	}
	if n := f.count(t, "orders", ""); n != 0 {
		t.Fatalf("rejections write no order, got %d", n)
	}
}

func TestOneBadMutationDoesNotStopTheBatch(t *testing.T) {
	f := newFixture(t)
	res := f.push(t, testutil.BuyerA,
		mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now()),
		mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductY1, 1, 1)), time.Now()),
		mutation(f.id("mut"), "order.place", placeArgs(f.id("order"), testutil.StallY, f.line(testutil.ProductY1, 1, 45000)), time.Now()),
	)
	results := res.Body["results"].([]any)
	got := []string{}
	for _, r := range results {
		got = append(got, r.(map[string]any)["status"].(string))
	}
	if strings.Join(got, ",") != "applied,rejected,applied" {
		t.Fatalf("results in order: %v", got)
	}
	if n := f.count(t, "orders", ""); n != 2 {
		t.Fatalf("want 2 orders, got %d", n)
	}
}

func TestBuyersOnlySeeAndMoveTheirOwnOrders(t *testing.T) {
	f := newFixture(t)
	order := f.id("order")
	f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(order, testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now()))

	list := testutil.Do(t, f.srv, "GET", "/api/collections/orders/records", f.world.Token(t, testutil.BuyerB), nil)
	if list.Status != 200 || list.Body["totalItems"] != float64(0) {
		t.Fatalf("B must not list A's orders: %s", list.Raw)
	}
	view := testutil.Do(t, f.srv, "GET", "/api/collections/orders/records/"+order, f.world.Token(t, testutil.BuyerB), nil)
	if view.Status != 404 {
		t.Fatalf("B must not view A's order: %d", view.Status)
	}
	for _, who := range []string{testutil.BuyerB, testutil.SellerY} {
		r := f.result(t, who, mutation(f.id("mut"), "order.cancel", map[string]any{"order": order}, time.Now()))
		if r["code"] != "order_not_found" {
			t.Fatalf("%s acting on another's order: %v", who, r)
		}
	}
	// a buyer cannot change a status directly, nor accept their own order
	patch := testutil.Do(t, f.srv, "PATCH", "/api/collections/orders/records/"+order, f.world.Token(t, testutil.BuyerA), map[string]any{"status": "completed"})
	if patch.Status < 400 {
		t.Fatalf("direct status change must fail, got %d", patch.Status)
	}
	r := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.accept", map[string]any{"order": order}, time.Now()))
	if r["code"] != "status_conflict" {
		t.Fatalf("buyer accepting: %v", r)
	}
	if s := f.world.Record(t, "orders", order).GetString("status"); s != "placed" {
		t.Fatalf("status moved to %s", s)
	}
	// the stall's second phone sees and moves the order
	r = f.result(t, testutil.SellerX2, mutation(f.id("mut"), "order.accept", map[string]any{"order": order}, time.Now()))
	if r["status"] != "applied" {
		t.Fatalf("helper seller accepting: %v", r)
	}
}

// Every status x action x role: the server answers as the state machine says.
func TestEveryStateMovePerRole(t *testing.T) {
	f := newFixture(t)
	actors := map[domain.Role]string{domain.RoleBuyer: testutil.BuyerA, domain.RoleSeller: testutil.SellerX}
	actions := []domain.OrderAction{domain.ActionCancel, domain.ActionAccept, domain.ActionReject, domain.ActionReady,
		domain.ActionShip, domain.ActionDeliver, domain.ActionReceive}
	order := f.id("order")
	f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(order, testutil.StallX, f.line(testutil.ProductX1, 1, 15000)), time.Now()))

	checked := 0
	for _, from := range domain.AllOrderStatuses {
		for _, action := range actions {
			for role, who := range actors {
				o := f.world.Record(t, "orders", order)
				o.Set("status", string(from))
				o.Set("stock_held", false)
				if err := f.app.Save(o); err != nil {
					t.Fatal(err)
				}
				want, allowed := domain.NextStatus(from, action, role)
				r := f.result(t, who, mutation(f.id("mut"), "order."+string(action), map[string]any{"order": order, "reason": "alasan"}, time.Now()))
				got := f.world.Record(t, "orders", order).GetString("status")
				if allowed && (r["status"] != "applied" || got != string(want)) {
					t.Errorf("%s %s by %s: want %s, got %v (status %s)", from, action, role, want, r, got)
				}
				if !allowed && (r["code"] != "status_conflict" || got != string(from)) {
					t.Errorf("%s %s by %s: want refused, got %v (status %s)", from, action, role, r, got)
				}
				checked++
			}
		}
	}
	t.Logf("checked %d status moves", checked)
}

func TestPushEnvelopeErrors(t *testing.T) {
	f := newFixture(t)
	token := f.world.Token(t, testutil.BuyerA)
	many := make([]any, 101)
	for i := range many {
		many[i] = mutation(fmt.Sprintf("m%014d", i), "order.place", map[string]any{}, time.Now())
	}
	cases := []struct {
		name   string
		token  string
		body   any
		status int
		code   string
	}{
		{"no auth", "", map[string]any{"clientId": "d", "mutations": []any{}}, 401, "auth_required"},
		{"admin may not push", f.world.Token(t, testutil.AdminID), map[string]any{"clientId": "d", "mutations": []any{}}, 403, "role_not_allowed"},
		{"not json", token, "{nope", 400, "json_invalid"},
		{"an array", token, "[]", 400, "json_invalid"},
		{"missing clientId", token, map[string]any{"mutations": []any{}}, 400, "envelope_invalid"},
		{"mutations wrong type", token, map[string]any{"clientId": "d", "mutations": "x"}, 400, "envelope_invalid"},
		{"bad mutation id", token, map[string]any{"clientId": "d", "mutations": []any{mutation("short", "order.place", map[string]any{}, time.Now())}}, 400, "envelope_invalid"},
		{"args not an object", token, map[string]any{"clientId": "d", "mutations": []any{map[string]any{"id": "abcdefghijklmno", "name": "order.place", "args": []int{1}, "createdAt": "2026-11-28T10:00:00Z"}}}, 400, "envelope_invalid"},
		{"bad createdAt", token, map[string]any{"clientId": "d", "mutations": []any{map[string]any{"id": "abcdefghijklmno", "name": "order.place", "args": map[string]any{}, "createdAt": "kemarin"}}}, 400, "envelope_invalid"},
		{"101 mutations", token, map[string]any{"clientId": "d", "mutations": many}, 413, "too_many_mutations"},
		{"over 1 MB", token, `{"clientId":"d","mutations":[],"pad":"` + strings.Repeat("x", 1<<20) + `"}`, 413, "too_large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := testutil.Do(t, f.srv, "POST", "/api/sync/push", c.token, c.body)
			if res.Status != c.status || res.Body["code"] != c.code {
				t.Fatalf("want %d %s, got %d %s", c.status, c.code, res.Status, res.Raw)
			}
		})
	}
	if n := f.count(t, "mutations", ""); n != 0 {
		t.Fatalf("refused envelopes store nothing, got %d", n)
	}
}

func TestOrderTimers(t *testing.T) {
	f := newFixture(t)
	placed, delivered := f.id("order"), f.id("order")
	f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(placed, testutil.StallX, f.line(testutil.ProductX1, 5, 15000)), time.Now()))
	f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(delivered, testutil.StallY, f.line(testutil.ProductY1, 1, 45000)), time.Now()))
	d := f.world.Record(t, "orders", delivered)
	d.Set("status", "delivered")
	if err := f.app.Save(d); err != nil {
		t.Fatal(err)
	}
	stock := f.stock(t, testutil.ProductX1)

	if n, err := hooks.RunOrderTimers(f.app, time.Now().Add(23*time.Hour)); err != nil || n != 0 {
		t.Fatalf("nothing due yet: %d %v", n, err)
	}
	if n, err := hooks.RunOrderTimers(f.app, time.Now().Add(25*time.Hour)); err != nil || n != 1 {
		t.Fatalf("placed expires after 24 h: %d %v", n, err)
	}
	if s := f.world.Record(t, "orders", placed).GetString("status"); s != "expired" {
		t.Fatalf("want expired, got %s", s)
	}
	if f.stock(t, testutil.ProductX1) != stock+5 {
		t.Fatal("expiry gives the stock back")
	}
	if n, _ := hooks.RunOrderTimers(f.app, time.Now().Add(49*time.Hour)); n != 1 {
		t.Fatalf("delivered completes after 48 h: %d", n)
	}
	if s := f.world.Record(t, "orders", delivered).GetString("status"); s != "completed" {
		t.Fatalf("want completed, got %s", s)
	}
}

func dbxOrderExp(orderID string) dbx.Expression { return dbx.HashExp{"order": orderID} }
