package hooks

import (
	"github.com/pocketbase/pocketbase/core"
)

// catalogCollections are pulled by devices with an (updated, id) cursor, which
// cannot see deletions: each deletion leaves a tombstone instead.
var catalogCollections = []string{"stalls", "products", "categories", "opds"}

func registerTombstones(app core.App) {
	// in the delete's own transaction: no deletion without its tombstone
	app.OnRecordDeleteExecute(catalogCollections...).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		return writeTombstone(e.App, e.Record.Collection().Name, e.Record.Id)
	})

	// A stall that stops being verified vanishes from the public catalog: to a
	// device that is a deletion (its products go with it, by the products rule).
	app.OnRecordUpdateExecute("stalls").BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		was := e.Record.Original().GetString("verification")
		if was == "verified" && e.Record.GetString("verification") != "verified" {
			return writeTombstone(e.App, "stalls", e.Record.Id)
		}
		return nil
	})
}

func writeTombstone(app core.App, collection, recordID string) error {
	tombstones, err := app.FindCachedCollectionByNameOrId("tombstones")
	if err != nil {
		return err
	}
	t := core.NewRecord(tombstones)
	t.Set("coll", collection)
	t.Set("record", recordID)
	return app.Save(t)
}
