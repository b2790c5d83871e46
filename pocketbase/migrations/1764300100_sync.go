package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The sync engine (issue 4): the idempotency log of pushed mutations, and the
// order fields that the server's pricing and state machine keep.
func init() {
	m.Register(addSync, dropSync)
}

func addSync(app core.App) error {
	log := core.NewBaseCollection("mutations")
	log.Fields.Add(
		// "collection:id" of the signed-in user: ids are keyed per user
		&core.TextField{Name: "owner", Required: true, Max: 80},
		&core.TextField{Name: "mutation_id", Required: true, Max: 15},
		&core.TextField{Name: "name", Required: true, Max: 64},
		&core.TextField{Name: "args_hash", Required: true, Max: 64},
		&core.TextField{Name: "client_id", Max: 64},
		&core.SelectField{Name: "status", Required: true, MaxSelect: 1, Values: []string{"applied", "rejected"}},
		&core.TextField{Name: "code", Max: 64},
		&core.TextField{Name: "message", Max: 500},
		&core.JSONField{Name: "data", MaxSize: 64 << 10},
		&core.AutodateField{Name: "created", OnCreate: true},
	)
	log.AddIndex("idx_mutations_owner_id", true, "owner, mutation_id", "")
	// server only: no API rule opens it
	if err := app.Save(log); err != nil {
		return err
	}

	orders, err := app.FindCollectionByNameOrId("orders")
	if err != nil {
		return err
	}
	orders.Fields.Add(
		// why the buyer must confirm, and what they saw: {reasons, clientTotal, total}
		&core.JSONField{Name: "confirmation", MaxSize: 16 << 10},
		// the reason given for a rejection or cancellation
		&core.TextField{Name: "status_note", Max: 300},
		// whether the order's quantities are taken from stock right now
		&core.BoolField{Name: "stock_held"},
	)
	if err := app.Save(orders); err != nil {
		return err
	}

	lines, err := app.FindCollectionByNameOrId("order_lines")
	if err != nil {
		return err
	}
	if qty, ok := lines.Fields.GetByName("qty").(*core.NumberField); ok {
		qty.Min = f64(0) // a proposal may keep a sold-out line at 0 for the buyer to see
		qty.Required = false
	}
	lines.Fields.Add(&core.NumberField{Name: "requested_qty", OnlyInt: true, Min: f64(1), Max: f64(10_000)})
	return app.Save(lines)
}

func dropSync(app core.App) error {
	if lines, err := app.FindCollectionByNameOrId("order_lines"); err == nil {
		lines.Fields.RemoveByName("requested_qty")
		if qty, ok := lines.Fields.GetByName("qty").(*core.NumberField); ok {
			qty.Min = f64(1)
			qty.Required = true
		}
		if err := app.Save(lines); err != nil {
			return err
		}
	}
	if orders, err := app.FindCollectionByNameOrId("orders"); err == nil {
		orders.Fields.RemoveByName("confirmation")
		orders.Fields.RemoveByName("status_note")
		orders.Fields.RemoveByName("stock_held")
		if err := app.Save(orders); err != nil {
			return err
		}
	}
	if log, err := app.FindCollectionByNameOrId("mutations"); err == nil {
		return app.Delete(log)
	}
	return nil
}
