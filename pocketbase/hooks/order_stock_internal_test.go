package hooks

import (
	"errors"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
	"malpro/testutil"
)

// moveStock on its own, in sequence on one product (Rp17.500, stock 3), with
// the tracker's clock fixed: the stamp is the registration's time, a take past
// the stock writes nothing, and nothing stays in flight.
func TestMoveStockIsGuardedAndStamped(t *testing.T) {
	app := testutil.NewApp(t, Register)
	testutil.NewWorld(t, app)
	w, ok := app.Store().Get(catalogWritesKey).(*catalogWrites)
	if !ok {
		t.Fatal("Register leaves no catalog write tracker in the app's store")
	}
	clock := time.Date(2030, 1, 2, 3, 4, 5, 678_900_000, time.UTC)
	w.now = func() time.Time { return clock }
	product := func() (int, string) {
		p, err := app.FindRecordById("products", testutil.ProductX2)
		if err != nil {
			t.Fatal(err)
		}
		return p.GetInt("stock"), p.GetString("updated")
	}
	line := func(qty int) []domain.QuotedLine {
		return []domain.QuotedLine{{Product: testutil.ProductX2, Qty: qty}}
	}

	cases := []struct {
		name    string
		move    func() error
		fails   bool
		stock   int
		stamped bool // updated moved to the clock's time
	}{
		{"a take past the stock", func() error { return takeStock(app, line(4)) }, true, 3, false},
		{"the last three", func() error { return takeStock(app, line(3)) }, false, 0, true},
		{"one more from none", func() error { return takeStock(app, line(1)) }, true, 0, false},
		{"two given back", func() error { return giveBackStock(app, line(2)) }, false, 2, true},
		{"a line of 0 (a sold-out line of a quote)", func() error { return takeStock(app, line(0)) }, false, 2, false},
		{"a product deleted meanwhile, given back", func() error {
			return giveBackStock(app, []domain.QuotedLine{{Product: "gone00000000001", Qty: 1}})
		}, false, 2, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clock = clock.Add(time.Second)
			_, before := product()
			err := c.move()
			if (err != nil) != c.fails {
				t.Fatalf("error %v, want failure %v", err, c.fails)
			}
			stock, updated := product()
			if stock != c.stock {
				t.Fatalf("stock %d, want %d", stock, c.stock)
			}
			want := before
			if c.stamped {
				want = recordTime(clock)
			}
			if updated != want {
				t.Fatalf("updated %s, want %s", updated, want)
			}
			if n := len(w.inFlight); n != 0 {
				t.Fatalf("%d writes still in flight outside a transaction", n)
			}
		})
	}

	// in a transaction, the write is in flight until the transaction ends,
	// even when it failed (the caller could still commit the rest)
	for _, end := range []string{"commit", "rollback"} {
		t.Run("held by a transaction until its "+end, func(t *testing.T) {
			clock = clock.Add(time.Second)
			start := clock
			err := app.RunInTransaction(func(tx core.App) error {
				if err := takeStock(tx, line(1)); err != nil {
					return err
				}
				if err := takeStock(tx, line(50)); err == nil {
					return errors.New("took 50 of 1")
				}
				clock = clock.Add(time.Minute)
				if settled, _ := w.settled(); !settled.Equal(start.Add(-settleMargin)) {
					t.Errorf("settled %s, want the first take's time less the margin", recordTime(settled))
				}
				if end == "rollback" {
					return errors.New("rolled back")
				}
				return nil
			})
			if (end == "commit") != (err == nil) {
				t.Fatalf("transaction: %v", err)
			}
			if n := len(w.inFlight); n != 0 {
				t.Fatalf("%d writes still in flight after the %s", n, end)
			}
		})
	}
	if stock, updated := product(); stock != 1 || updated != recordTime(clock.Add(-2*time.Minute-time.Second)) {
		t.Fatalf("after one committed take: stock %d updated %s", stock, updated)
	}
}
