package migrations_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

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
