package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"malpro/domain"
)

// A product's name as the server sorts it (domain.NameSortKey): lists sorted by
// it, then by id, come in the order the app sorts names on the device, so a
// category's first page read from the server is the device's first page too
// ("Lapak 2" before "Lapak 10", "aneka" among the a's). hooks/validate.go keeps
// it in step with the name on every save; nobody writes it by hand.
func init() {
	m.Register(addProductSortName, dropProductSortName)
}

func addProductSortName(app core.App) error {
	c, err := app.FindCollectionByNameOrId("products")
	if err != nil {
		return err
	}
	c.Fields.Add(&core.TextField{Name: "sort_name", Max: 5000})
	// a category's page filters by category and sorts by name
	c.AddIndex("idx_products_category_sort_name", false, "category, sort_name, id", "")
	if err := app.Save(c); err != nil {
		return err
	}
	// Written straight into the rows: a save would move each product's `updated`,
	// and every device would pull the whole catalog again for a field it never reads.
	var rows []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	if err := app.DB().Select("id", "name").From("products").All(&rows); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := app.DB().Update("products", dbx.Params{"sort_name": domain.NameSortKey(r.Name)},
			dbx.HashExp{"id": r.ID}).Execute(); err != nil {
			return err
		}
	}
	return nil
}

func dropProductSortName(app core.App) error {
	c, err := app.FindCollectionByNameOrId("products")
	if err != nil {
		return nil // already gone
	}
	c.RemoveIndex("idx_products_category_sort_name")
	c.Fields.RemoveByName("sort_name")
	return app.Save(c)
}
