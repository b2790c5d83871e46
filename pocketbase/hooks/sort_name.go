package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

// registerSortName keeps each product's sort_name (domain.NameSortKey of its name)
// in step with its name on every save, validated or not: the server sorts a
// category's page by it so that the page's first products are the device's first.
func registerSortName(app core.App) {
	keep := func(e *core.RecordEvent) error {
		e.Record.Set("sort_name", domain.NameSortKey(e.Record.GetString("name")))
		return e.Next()
	}
	app.OnRecordCreate("products").BindFunc(keep)
	app.OnRecordUpdate("products").BindFunc(keep)
}
