package hooks_test

import (
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"malpro/hooks"
	"malpro/testutil"
)

// versionTimes reads GET /api/catalog/version's serverTime and settled.
func versionTimes(t *testing.T, srv *httptest.Server) (serverTime, settled string) {
	t.Helper()
	res := testutil.Do(t, srv, "GET", "/api/catalog/version", "", nil)
	serverTime, _ = res.Body["serverTime"].(string)
	settled, _ = res.Body["settled"].(string)
	if res.Status != 200 || serverTime == "" || settled == "" {
		t.Fatalf("GET version: %d %s", res.Status, res.Raw)
	}
	return serverTime, settled
}

func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := types.ParseDateTime(s)
	if err != nil || d.IsZero() {
		t.Fatalf("not a record time: %q (%v)", s, err)
	}
	return d.Time()
}

func TestCatalogSettledWithoutWritesIsTheServerTimeLessAMargin(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)

	serverTime, settled := versionTimes(t, srv)
	if len(settled) != len(types.DefaultDateLayout) {
		t.Fatalf("settled %q is not in the records' format", settled)
	}
	lag := parseTime(t, serverTime).Sub(parseTime(t, settled))
	if lag < 0 || lag > 100*time.Millisecond {
		t.Fatalf("nothing in flight: settled %s should be just before serverTime %s", settled, serverTime)
	}
}

func TestCatalogSettledWaitsForASaveHeldOpenInATransaction(t *testing.T) {
	for _, end := range []string{"commit", "rollback"} {
		t.Run(end, func(t *testing.T) {
			app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
			testutil.NewWorld(t, app)
			srv := testutil.Serve(t, app)

			stamped := make(chan string)
			release := make(chan struct{})
			done := make(chan error)
			go func() {
				done <- app.RunInTransaction(func(tx core.App) error {
					p, err := tx.FindRecordById("products", testutil.ProductX1)
					if err != nil {
						close(stamped)
						return err
					}
					p.Set("price", 16000)
					if err := tx.Save(p); err != nil {
						close(stamped)
						return err
					}
					stamped <- p.GetString("updated")
					<-release
					if end == "rollback" {
						return errors.New("rolled back")
					}
					return nil
				})
			}()
			stamp, ok := <-stamped
			if !ok {
				t.Fatalf("save failed: %v", <-done)
			}

			// held open: settled stays at or before the stamp, however long it takes
			for i := 0; i < 3; i++ {
				serverTime, settled := versionTimes(t, srv)
				if settled > stamp {
					t.Fatalf("settled %s passed the uncommitted stamp %s", settled, stamp)
				}
				if i > 0 && serverTime <= stamp {
					t.Fatalf("serverTime %s should have moved past the stamp %s", serverTime, stamp)
				}
				time.Sleep(60 * time.Millisecond)
			}

			close(release)
			err := <-done
			if (end == "commit") != (err == nil) {
				t.Fatalf("transaction: %v", err)
			}
			serverTime, settled := versionTimes(t, srv)
			if settled <= stamp {
				t.Fatalf("after the %s settled %s should pass the stamp %s", end, settled, stamp)
			}
			if lag := parseTime(t, serverTime).Sub(parseTime(t, settled)); lag > 100*time.Millisecond {
				t.Fatalf("after the %s nothing is in flight: settled %s, serverTime %s", end, settled, serverTime)
			}
		})
	}
}

func TestCatalogSettledForgetsFinishedAndFailedSaves(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)

	// a save outside a transaction, a failed one (invalid price), a deletion
	// (its tombstone is a save too), and a failed transaction
	p, err := app.FindRecordById("products", testutil.ProductX2)
	if err != nil {
		t.Fatal(err)
	}
	p.Set("price", 18000)
	if err := app.Save(p); err != nil {
		t.Fatal(err)
	}
	p.Set("price", -1)
	if err := app.Save(p); err == nil {
		t.Fatal("a negative price was saved")
	}
	if err := app.Delete(p); err != nil {
		t.Fatal(err)
	}
	_ = app.RunInTransaction(func(tx core.App) error {
		c, err := tx.FindRecordById("categories", testutil.CategoryID)
		if err != nil {
			return err
		}
		c.Set("sort", 2)
		if err := tx.Save(c); err != nil {
			return err
		}
		return errors.New("changed my mind")
	})

	time.Sleep(20 * time.Millisecond)
	serverTime, settled := versionTimes(t, srv)
	if lag := parseTime(t, serverTime).Sub(parseTime(t, settled)); lag < 0 || lag > 100*time.Millisecond {
		t.Fatalf("nothing in flight: settled %s, serverTime %s", settled, serverTime)
	}
}
