package hooks_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"malpro/hooks"
	"malpro/testutil"
)

// guestProductsAfter lists, as a guest, the products a delta pull after
// `after` reads: updated > after.
func guestProductsAfter(t *testing.T, srv *httptest.Server, after string) map[string]int {
	t.Helper()
	q := url.Values{"filter": {fmt.Sprintf("updated > %q", after)}, "sort": {"updated,id"}, "skipTotal": {"1"}}
	res := testutil.Do(t, srv, "GET", "/api/collections/products/records?"+q.Encode(), "", nil)
	if res.Status != 200 {
		t.Fatalf("guest list: %d %s", res.Status, res.Raw)
	}
	out := map[string]int{}
	for _, item := range res.Body["items"].([]any) {
		p := item.(map[string]any)
		out[p["id"].(string)] = int(p["stock"].(float64))
	}
	return out
}

func (f *fixture) updated(t *testing.T, product string) string {
	return f.world.Record(t, "products", product).GetString("updated")
}

// pulledUpTo is the cursor of a device that has pulled every product: the
// latest `updated`.
func (f *fixture) pulledUpTo(t *testing.T) string {
	t.Helper()
	var latest string
	if err := f.app.DB().NewQuery("SELECT MAX(updated) FROM products").Row(&latest); err != nil {
		t.Fatal(err)
	}
	return latest
}

// Every stock change moves the product's `updated`, stamped by the server's
// clock while the change is made, so a delta pull by a device that had pulled
// every product reads it with its new stock. ProductX2: Rp17.500, stock 3.
func TestStockChangesReachADeltaPull(t *testing.T) {
	placeX2 := func(f *fixture, t *testing.T, order string, qty, seen int) {
		t.Helper()
		r := f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place",
			placeArgs(order, testutil.StallX, f.line(testutil.ProductX2, qty, seen)), time.Now()))
		if r["status"] != "applied" {
			t.Fatalf("place: %v", r)
		}
	}
	move := func(f *fixture, t *testing.T, who, name, order string) {
		t.Helper()
		r := f.result(t, who, mutation(f.id("mut"), name, map[string]any{"order": order, "reason": "stok dipakai"}, time.Now()))
		if r["status"] != "applied" {
			t.Fatalf("%s: %v", name, r)
		}
	}
	cases := []struct {
		name  string
		setup func(f *fixture, t *testing.T, order string) // before the device's pull
		act   func(f *fixture, t *testing.T, order string)
		stock int
	}{
		{"placed: sold out", nil,
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 3, 17500) }, 0},
		{"placed: lowered", nil,
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 1, 17500) }, 2},
		{"confirmed after a price change",
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 2, 16000) }, // needs confirmation
			func(f *fixture, t *testing.T, order string) { move(f, t, testutil.BuyerA, "order.confirm", order) }, 1},
		{"cancelled by the buyer: back in stock",
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 3, 17500) },
			func(f *fixture, t *testing.T, order string) { move(f, t, testutil.BuyerA, "order.cancel", order) }, 3},
		{"rejected by the stall: back in stock",
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 3, 17500) },
			func(f *fixture, t *testing.T, order string) { move(f, t, testutil.SellerX, "order.reject", order) }, 3},
		{"expired unanswered: back in stock",
			func(f *fixture, t *testing.T, order string) { placeX2(f, t, order, 2, 17500) },
			func(f *fixture, t *testing.T, order string) {
				// the timer's time is a day ahead; the stamp is the server's clock
				if n, err := hooks.RunOrderTimers(f.app, time.Now().Add(25*time.Hour)); err != nil || n != 1 {
					t.Fatalf("timers: %d %v", n, err)
				}
			}, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			order := f.id("order")
			if c.setup != nil {
				c.setup(f, t, order)
			}
			before := f.updated(t, testutil.ProductX2)
			cursor := f.pulledUpTo(t)
			time.Sleep(2 * time.Millisecond) // a later millisecond than before
			start := time.Now().Truncate(time.Millisecond)
			c.act(f, t, order)
			end := time.Now()

			after := f.updated(t, testutil.ProductX2)
			if after <= before {
				t.Fatalf("updated did not move: %s, before %s", after, before)
			}
			if stamp := parseTime(t, after); stamp.Before(start) || stamp.After(end) {
				t.Fatalf("updated %s is not the server's clock during the change (%s to %s)", after, start, end)
			}
			if s := f.stock(t, testutil.ProductX2); s != c.stock {
				t.Fatalf("stock %d, want %d", s, c.stock)
			}
			// a device that had pulled every product reads exactly this one, with its stock
			got := guestProductsAfter(t, f.srv, cursor)
			if len(got) != 1 || got[testutil.ProductX2] != c.stock {
				t.Fatalf("delta after %s: %v, want only %s with stock %d", cursor, got, testutil.ProductX2, c.stock)
			}
		})
	}
}

// pushRaw posts a push without the testing.T (from another goroutine).
func pushRaw(srv *httptest.Server, token string, m map[string]any) (int, []byte, error) {
	body, err := json.Marshal(map[string]any{"clientId": "device-1", "mutations": []any{m}})
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequest("POST", srv.URL+"/api/sync/push", bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := srv.Client().Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(res.Body)
	return res.StatusCode, buf.Bytes(), err
}

// A stock change is a catalog write: while its transaction is open, settled
// stays at or before its stamp; once it commits or rolls back, settled moves
// on. The push is held open after the stock moved, when its order is saved.
func TestCatalogSettledWaitsForAStockChangeHeldOpen(t *testing.T) {
	cases := []struct {
		action string // order.place (takes 2 of 3) or order.cancel (gives 2 back)
		end    string
	}{
		{"order.place", "commit"}, {"order.place", "rollback"},
		{"order.cancel", "commit"}, {"order.cancel", "rollback"},
	}
	for _, c := range cases {
		t.Run(c.action+" "+c.end, func(t *testing.T) {
			f := newFixture(t)
			var armed atomic.Bool
			stamped := make(chan string)
			release := make(chan struct{})
			var releaseOnce sync.Once
			releaseAll := func() { releaseOnce.Do(func() { close(release) }) }
			t.Cleanup(releaseAll) // a failed test still lets the push end (before the server closes)
			holdOpen := func(e *core.RecordEvent) error {
				if !armed.CompareAndSwap(true, false) {
					return e.Next()
				}
				p, err := e.App.FindRecordById("products", testutil.ProductX2) // the transaction's view
				if err != nil {
					close(stamped)
					return err
				}
				stamped <- p.GetString("updated")
				<-release
				if c.end == "rollback" {
					return errors.New("rolled back")
				}
				return e.Next()
			}
			f.app.OnRecordCreate("orders").BindFunc(holdOpen)
			f.app.OnRecordUpdate("orders").BindFunc(holdOpen)

			order := f.id("order")
			var m map[string]any
			stockBefore, stockAfter := 3, 1
			if c.action == "order.place" {
				m = mutation(f.id("mut"), c.action, placeArgs(order, testutil.StallX, f.line(testutil.ProductX2, 2, 17500)), time.Now())
			} else {
				f.result(t, testutil.BuyerA, mutation(f.id("mut"), "order.place", placeArgs(order, testutil.StallX, f.line(testutil.ProductX2, 2, 17500)), time.Now()))
				m = mutation(f.id("mut"), c.action, map[string]any{"order": order}, time.Now())
				stockBefore, stockAfter = 1, 3
			}
			before := f.updated(t, testutil.ProductX2)
			cursor := f.pulledUpTo(t)
			time.Sleep(2 * time.Millisecond)

			token := f.world.Token(t, testutil.BuyerA)
			armed.Store(true)
			type answer struct {
				status int
				raw    []byte
				err    error
			}
			done := make(chan answer, 1)
			go func() {
				status, raw, err := pushRaw(f.srv, token, m)
				done <- answer{status, raw, err}
			}()
			stamp, ok := <-stamped
			if !ok {
				a := <-done
				t.Fatalf("push failed before holding: %d %s %v", a.status, a.raw, a.err)
			}
			if stamp <= before {
				t.Fatalf("the stock change did not stamp the product: %s, before %s", stamp, before)
			}

			// held open: settled stays at or before the stamp, and the change is not listed yet
			for i := 0; i < 3; i++ {
				serverTime, settled := versionTimes(t, f.srv)
				if settled > stamp {
					t.Fatalf("settled %s passed the uncommitted stamp %s", settled, stamp)
				}
				if i > 0 && serverTime <= stamp {
					t.Fatalf("serverTime %s should have moved past the stamp %s", serverTime, stamp)
				}
				if got := guestProductsAfter(t, f.srv, cursor); len(got) != 0 {
					t.Fatalf("an uncommitted stock change is listed: %v", got)
				}
				time.Sleep(60 * time.Millisecond)
			}

			releaseAll()
			a := <-done
			if a.err != nil {
				t.Fatal(a.err)
			}
			serverTime, settled := versionTimes(t, f.srv)
			if settled <= stamp {
				t.Fatalf("after the %s settled %s should pass the stamp %s", c.end, settled, stamp)
			}
			if lag := parseTime(t, serverTime).Sub(parseTime(t, settled)); lag > 100*time.Millisecond {
				t.Fatalf("after the %s nothing is in flight: settled %s, serverTime %s", c.end, settled, serverTime)
			}
			got := guestProductsAfter(t, f.srv, cursor)
			if c.end == "commit" {
				if a.status != 200 || len(got) != 1 || got[testutil.ProductX2] != stockAfter {
					t.Fatalf("committed: push %d %s; delta %v, want stock %d", a.status, a.raw, got, stockAfter)
				}
				if u := f.updated(t, testutil.ProductX2); u != stamp {
					t.Fatalf("committed updated %s, want the stamp %s", u, stamp)
				}
			} else {
				if a.status != 503 || len(got) != 0 || f.stock(t, testutil.ProductX2) != stockBefore {
					t.Fatalf("rolled back: push %d %s; delta %v; stock %d, want %d",
						a.status, a.raw, got, f.stock(t, testutil.ProductX2), stockBefore)
				}
				if u := f.updated(t, testutil.ProductX2); u != before {
					t.Fatalf("rolled back updated %s, want %s", u, before)
				}
			}
		})
	}
}

// Orders pushed at once for a product's last units: together they never take
// more than there is, and exactly as many succeed as the stock allows.
func TestConcurrentOrdersNeverOversell(t *testing.T) {
	cases := []struct {
		name   string
		stock  int
		orders int
		qty    int
		placed int
	}{
		{"two orders for the last item", 1, 2, 1, 1},
		{"twelve orders for three", 3, 12, 1, 3},
		{"orders of two for five", 5, 8, 2, 2}, // then 1 left: the others need confirmation
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			p := f.world.Record(t, "products", testutil.ProductX2)
			p.Set("stock", c.stock)
			if err := f.app.Save(p); err != nil {
				t.Fatal(err)
			}
			tokens := []string{f.world.Token(t, testutil.BuyerA), f.world.Token(t, testutil.BuyerB)}
			muts := make([]map[string]any, c.orders)
			for i := range muts {
				muts[i] = mutation(f.id("mut"), "order.place",
					placeArgs(f.id("order"), testutil.StallX, f.line(testutil.ProductX2, c.qty, 17500)), time.Now())
			}

			type answer struct {
				status int
				raw    []byte
				err    error
			}
			start := make(chan struct{})
			var wg sync.WaitGroup
			answers := make([]answer, c.orders)
			for i := range muts {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					<-start
					status, raw, err := pushRaw(f.srv, tokens[i%2], muts[i])
					answers[i] = answer{status, raw, err}
				}(i)
			}
			close(start)
			wg.Wait()

			placed := 0
			for _, a := range answers {
				var body struct {
					Results []struct {
						Status string
						Code   string
						Data   struct{ Status string }
					}
				}
				if a.err != nil || a.status != 200 || json.Unmarshal(a.raw, &body) != nil || len(body.Results) != 1 {
					t.Fatalf("push: %d %s %v", a.status, a.raw, a.err)
				}
				switch r := body.Results[0]; {
				case r.Status == "applied" && r.Data.Status == "placed":
					placed++
				case r.Status == "applied" && r.Data.Status == "needs_confirmation":
				case r.Status == "rejected" && r.Code == "out_of_stock":
				default:
					t.Fatalf("unexpected result: %s", a.raw)
				}
			}
			stock := f.stock(t, testutil.ProductX2)
			held := f.count(t, "orders", "stock_held = true")
			if placed != c.placed || held != c.placed || stock != c.stock-c.placed*c.qty || stock < 0 {
				t.Fatalf("%d placed (%d holding stock), stock %d; want %d placed, stock %d",
					placed, held, stock, c.placed, c.stock-c.placed*c.qty)
			}
		})
	}
}
