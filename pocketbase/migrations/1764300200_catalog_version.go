package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/security"
)

// The catalog version (issue 5): one row whose version and dataset devices
// compare with the ones they cached; a difference makes them drop their catalog
// and pull it again (hooks/catalog_version.go serves and bumps it).
func init() {
	m.Register(addCatalogVersion, dropCatalogVersion)
}

// CatalogVersionID is the id of catalog_version's one row.
const CatalogVersionID = "catalogversion1"

// IDAlphabet is the alphabet of PocketBase ids (and of the dataset id).
const IDAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

func addCatalogVersion(app core.App) error {
	c := core.NewBaseCollection("catalog_version")
	c.Fields.Add(
		&core.NumberField{Name: "version", Required: true, OnlyInt: true, Min: f64(1)},
		// random per database: a device that synced with another server (a reset
		// demo, a new install) drops what it cached even at the same version
		&core.TextField{Name: "dataset", Required: true, Max: 30},
		// why devices had to refetch: for the next person reading the dashboard
		&core.TextField{Name: "reason", Max: 300},
	)
	timestamps(c)
	// superusers only (the dashboard); everyone reads it through GET /api/catalog/version
	if err := app.Save(c); err != nil {
		return err
	}
	row := core.NewRecord(c)
	row.Id = CatalogVersionID
	row.Set("version", 1)
	row.Set("dataset", security.RandomStringWithAlphabet(15, IDAlphabet))
	return app.Save(row)
}

func dropCatalogVersion(app core.App) error {
	c, err := app.FindCollectionByNameOrId("catalog_version")
	if err != nil {
		return nil // already gone
	}
	return app.Delete(c)
}
