package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"malpro/hooks"
	"malpro/migrations"
	"malpro/testutil"
)

func TestCatalogVersionRoute(t *testing.T) {
	app := testutil.NewApp(t, func(app core.App) { hooks.Register(app) })
	world := testutil.NewWorld(t, app)
	srv := testutil.Serve(t, app)

	read := func() (float64, string) {
		t.Helper()
		res := testutil.Do(t, srv, "GET", "/api/catalog/version", "", nil)
		if res.Status != 200 {
			t.Fatalf("GET version: %d %s", res.Status, res.Raw)
		}
		if _, ok := res.Body["serverTime"].(string); !ok {
			t.Fatalf("no serverTime: %s", res.Raw)
		}
		return res.Body["version"].(float64), res.Body["dataset"].(string)
	}

	version, dataset := read()
	if version != 1 || len(dataset) != 15 {
		t.Fatalf("a new database is version 1 of a random dataset, got %v %q", version, dataset)
	}

	// guests, buyers and sellers cannot make every device refetch
	for who, token := range map[string]string{
		"guest":  "",
		"buyer":  world.Token(t, testutil.BuyerA),
		"seller": world.Token(t, testutil.SellerX),
	} {
		res := testutil.Do(t, srv, "POST", "/api/catalog/version/bump", token, nil)
		if res.Status != 401 && res.Status != 403 {
			t.Fatalf("%s bumped the version: %d %s", who, res.Status, res.Raw)
		}
	}
	if v, _ := read(); v != 1 {
		t.Fatalf("refused bumps changed the version to %v", v)
	}

	// the city can, and so can a superuser
	res := testutil.Do(t, srv, "POST", "/api/catalog/version/bump", world.Token(t, testutil.AdminID),
		map[string]any{"reason": "restored from backup"})
	if res.Status != 200 || res.Body["version"] != float64(2) || res.Body["dataset"] != dataset {
		t.Fatalf("admin bump: %d %s", res.Status, res.Raw)
	}
	superusers, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	root := core.NewRecord(superusers)
	root.SetEmail("root@malpro.test")
	root.SetPassword("malpro123")
	if err := app.Save(root); err != nil {
		t.Fatal(err)
	}
	token, err := root.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	if res := testutil.Do(t, srv, "POST", "/api/catalog/version/bump", token, nil); res.Status != 200 || res.Body["version"] != float64(3) {
		t.Fatalf("superuser bump: %d %s", res.Status, res.Raw)
	}
	if v, d := read(); v != 3 || d != dataset {
		t.Fatalf("after two bumps: %v %q", v, d)
	}
	row, err := app.FindRecordById("catalog_version", migrations.CatalogVersionID)
	if err != nil || row.GetString("reason") != "" {
		t.Fatalf("the last bump gave no reason: %v %q", err, row.GetString("reason"))
	}
}

func TestBumpCatalogVersionRecreatesAMissingRow(t *testing.T) {
	app := testutil.NewApp(t, nil)
	before, err := hooks.CatalogVersion(app)
	if err != nil {
		t.Fatal(err)
	}
	row, err := app.FindRecordById("catalog_version", migrations.CatalogVersionID)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(row); err != nil {
		t.Fatal(err)
	}
	// a deleted row reads as no dataset: every device refetches
	gone, err := hooks.CatalogVersion(app)
	if err != nil || gone.Dataset != "" || gone.Version != 1 {
		t.Fatalf("missing row: %+v %v", gone, err)
	}
	after, err := hooks.BumpCatalogVersion(app, "test")
	if err != nil {
		t.Fatal(err)
	}
	if after.Version != 2 || after.Dataset == "" || after.Dataset == before.Dataset {
		t.Fatalf("recreated row: %+v (before %+v)", after, before)
	}
	if again, _ := hooks.BumpCatalogVersion(app, ""); again.Version != 3 || again.Dataset != after.Dataset {
		t.Fatalf("second bump: %+v", again)
	}
}
