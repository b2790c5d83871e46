package hooks

import (
	"database/sql"
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"malpro/migrations"
)

// registerCatalogVersion serves the catalog version devices compare with the
// one they cached (docs/catalog-sync.md), and lets the city bump it.
func registerCatalogVersion(app core.App) {
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.GET("/api/catalog/version", func(re *core.RequestEvent) error {
			version, err := CatalogVersion(re.App)
			if err != nil {
				return re.InternalServerError("", err)
			}
			// a cached answer would hide a bump from the device asking
			re.Response.Header().Set("Cache-Control", "no-store")
			return re.JSON(http.StatusOK, map[string]any{
				"version": version,
				// the server's clock, in the records' format: where a new device
				// starts reading tombstones (older ones cannot concern it)
				"serverTime": types.NowDateTime().String(),
			})
		})
		e.Router.POST("/api/catalog/version/bump", func(re *core.RequestEvent) error {
			var body struct {
				Reason string `json:"reason"`
			}
			_ = re.BindBody(&body) // the reason is optional
			version, err := BumpCatalogVersion(re.App, body.Reason)
			if err != nil {
				return re.InternalServerError("", err)
			}
			return re.JSON(http.StatusOK, map[string]any{"version": version})
		}).Bind(apis.RequireAuth(core.CollectionNameSuperusers, "admins"))
		return e.Next()
	})
}

// CatalogVersion is the current catalog version; 1 if its row is missing.
func CatalogVersion(app core.App) (int, error) {
	row, err := app.FindRecordById("catalog_version", migrations.CatalogVersionID)
	if errors.Is(err, sql.ErrNoRows) {
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	return row.GetInt("version"), nil
}

// BumpCatalogVersion raises the catalog version by one and returns it: every
// device drops its cached catalog and pulls it again on its next sync. For
// changes a delta pull cannot carry (a restore from backup, a bulk import
// written straight into SQLite, a change of what the catalog holds).
func BumpCatalogVersion(app core.App, reason string) (int, error) {
	var next int
	err := app.RunInTransaction(func(tx core.App) error {
		coll, err := tx.FindCollectionByNameOrId("catalog_version")
		if err != nil {
			return err
		}
		row, err := tx.FindRecordById(coll, migrations.CatalogVersionID)
		if errors.Is(err, sql.ErrNoRows) {
			// deleted in the dashboard: it read as 1 meanwhile
			row = core.NewRecord(coll)
			row.Id = migrations.CatalogVersionID
			row.Set("version", 1)
		} else if err != nil {
			return err
		}
		next = row.GetInt("version") + 1
		row.Set("version", next)
		row.Set("reason", reason)
		return tx.Save(row)
	})
	return next, err
}
