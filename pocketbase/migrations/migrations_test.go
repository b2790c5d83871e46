package migrations_test

import (
	"fmt"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
	"malpro/migrations"
	"malpro/testutil"
)

var wantCollections = []string{
	"opds", "categories", "admins", "stalls", "sellers", "buyers",
	"products", "orders", "order_lines", "tombstones", "mutations", "catalog_version",
}

func TestMigrationsUpDownUp(t *testing.T) {
	app := testutil.NewApp(t, nil) // an empty data dir, every migration applied

	assertCollections := func(present bool) {
		t.Helper()
		for _, name := range wantCollections {
			_, err := app.FindCollectionByNameOrId(name)
			if present && err != nil {
				t.Fatalf("collection %s missing after up: %v", name, err)
			}
			if !present && err == nil {
				t.Fatalf("collection %s still there after down", name)
			}
		}
	}
	assertCollections(true)

	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	reverted, err := runner.Down(len(migrations.Files()))
	if err != nil || len(reverted) != len(migrations.Files()) {
		t.Fatalf("down: %v %v", reverted, err)
	}
	assertCollections(false)

	if _, err := runner.Up(); err != nil {
		t.Fatalf("up again: %v", err)
	}
	assertCollections(true)
}

func TestEveryCollectionDeniesByDefault(t *testing.T) {
	app := testutil.NewApp(t, nil)
	// Writes open to the public would be a hole: no Malpro collection has one.
	for _, name := range wantCollections {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for label, r := range map[string]*string{"create": c.CreateRule, "update": c.UpdateRule, "delete": c.DeleteRule} {
			if r != nil && *r == "" {
				t.Errorf("%s %s rule is open to everyone", name, label)
			}
		}
	}
}

// Products saved before sort_name existed get it from the migration, and their
// `updated` stays: devices must not pull the whole catalog again for it.
func TestSortNameMigrationFillsExistingProducts(t *testing.T) {
	app := testutil.NewApp(t, nil) // no hooks: the rows are saved without sort_name
	testutil.Insert(t, app, "categories", testutil.CategoryID, map[string]any{"slug": "makanan-minuman",
		"name": "Makanan & Minuman", "name_en": "Food & Drinks", "sort": 1, "active": true})
	testutil.Insert(t, app, "stalls", testutil.StallX, map[string]any{"name": "Keripik Tempe Sanan",
		"slug": "keripik-tempe-sanan", "owner_name": "Sri", "nib": "9120001234561", "phone": "+6281333000001",
		"address": "Jl. Sanan No. 1", "kecamatan": "blimbing", "categories": []string{testutil.CategoryID},
		"is_open": true, "verification": "verified",
		"hours": map[string]any{"open": "07:00", "close": "17:00", "days": []int{1}}})
	var ids []string
	for i, name := range []string{"Keripik Tempe Original", "  Lapak 010 Éka"} {
		r := testutil.Insert(t, app, "products", fmt.Sprintf("productsortn%03d", i), map[string]any{"stall": testutil.StallX,
			"category": testutil.CategoryID, "name": name, "unit": "pcs", "price": 1000, "stock": 1, "active": true})
		ids = append(ids, r.Id)
	}
	before := map[string]string{}
	for _, id := range ids {
		r, err := app.FindRecordById("products", id)
		if err != nil {
			t.Fatal(err)
		}
		if r.GetString("sort_name") != "" {
			t.Fatalf("%s has a sort_name before the migration ran again", id)
		}
		before[id] = r.GetString("updated")
	}

	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	if reverted, err := runner.Down(1); err != nil || len(reverted) != 1 || reverted[0] != "1764300300_products_sort_name.go" {
		t.Fatalf("down the last migration: %v %v", reverted, err)
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("up again: %v", err)
	}
	for _, id := range ids {
		r, err := app.FindRecordById("products", id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.GetString("sort_name"), domain.NameSortKey(r.GetString("name")); got != want || got == "" {
			t.Fatalf("%s: sort_name %q, want %q", id, got, want)
		}
		if r.GetString("updated") != before[id] {
			t.Fatalf("%s: updated moved from %s to %s", id, before[id], r.GetString("updated"))
		}
	}
	if got, _ := app.FindRecordById("products", ids[1]); got.GetString("sort_name") != "lapak 00000000000000000010 eka" {
		t.Fatalf("sort_name of %q: %q", got.GetString("name"), got.GetString("sort_name"))
	}
}
