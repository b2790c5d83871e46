package hooks

import (
	"database/sql"
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"malpro/migrations"
)

// CatalogVersionInfo is what devices compare with the catalog they cached: a
// different version or dataset makes them drop it and pull it again.
type CatalogVersionInfo struct {
	Version int    `json:"version"`
	Dataset string `json:"dataset"`
}

// registerCatalogVersion serves the catalog version (docs/catalog-sync.md) and
// lets the city bump it.
func registerCatalogVersion(app core.App) {
	writes := registerCatalogWrites(app)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.GET("/api/catalog/version", func(re *core.RequestEvent) error {
			// before anything is read: what the device lists after this answer
			// holds every catalog row stamped before `settled`
			settled, now := writes.settled()
			info, err := CatalogVersion(re.App)
			if err != nil {
				return re.InternalServerError("", err)
			}
			// a cached answer would hide a bump from the device asking
			re.Response.Header().Set("Cache-Control", "no-store")
			return re.JSON(http.StatusOK, map[string]any{
				"version": info.Version,
				"dataset": info.Dataset,
				// the server's clock in the records' format
				"serverTime": recordTime(now),
				// every catalog row (tombstones included) stamped before it has
				// committed: the next pull re-reads from there, and a new device
				// starts reading tombstones there (older ones cannot concern it)
				"settled": recordTime(settled),
			})
		})
		e.Router.POST("/api/catalog/version/bump", func(re *core.RequestEvent) error {
			var body struct {
				Reason string `json:"reason"`
			}
			_ = re.BindBody(&body) // the reason is optional
			info, err := BumpCatalogVersion(re.App, body.Reason)
			if err != nil {
				return re.InternalServerError("", err)
			}
			return re.JSON(http.StatusOK, info)
		}).Bind(apis.RequireAuth(core.CollectionNameSuperusers, "admins"))
		return e.Next()
	})
}

// CatalogVersion reads the current catalog version. A missing row (deleted in
// the dashboard) reads as version 1 of no dataset: every device refetches.
func CatalogVersion(app core.App) (CatalogVersionInfo, error) {
	row, err := app.FindRecordById("catalog_version", migrations.CatalogVersionID)
	if errors.Is(err, sql.ErrNoRows) {
		return CatalogVersionInfo{Version: 1}, nil
	}
	if err != nil {
		return CatalogVersionInfo{}, err
	}
	return CatalogVersionInfo{Version: row.GetInt("version"), Dataset: row.GetString("dataset")}, nil
}

// BumpCatalogVersion raises the catalog version by one: every device drops its
// cached catalog and pulls it again on its next sync. For changes a delta pull
// cannot carry: a restore from a backup, rows written straight into SQLite, a
// change of what the catalog holds.
func BumpCatalogVersion(app core.App, reason string) (CatalogVersionInfo, error) {
	var info CatalogVersionInfo
	err := app.RunInTransaction(func(tx core.App) error {
		coll, err := tx.FindCollectionByNameOrId("catalog_version")
		if err != nil {
			return err
		}
		row, err := tx.FindRecordById(coll, migrations.CatalogVersionID)
		if errors.Is(err, sql.ErrNoRows) {
			row = core.NewRecord(coll)
			row.Id = migrations.CatalogVersionID
			row.Set("version", 1)
			row.Set("dataset", security.RandomStringWithAlphabet(15, migrations.IDAlphabet))
		} else if err != nil {
			return err
		}
		row.Set("version", row.GetInt("version")+1)
		row.Set("reason", reason)
		if err := tx.Save(row); err != nil {
			return err
		}
		info = CatalogVersionInfo{Version: row.GetInt("version"), Dataset: row.GetString("dataset")}
		return nil
	})
	return info, err
}
