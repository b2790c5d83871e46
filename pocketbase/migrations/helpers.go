package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Rule fragments shared by the collections' API rules. A rule that is nil
// denies everyone but superusers (deny by default); "" allows everyone.
const (
	isAdmin = `@request.auth.collectionName = "admins"`
	// a deactivated buyer or seller keeps a valid token for up to 30 days: the
	// rules themselves shut them out
	isBuyer  = `(@request.auth.collectionName = "buyers" && @request.auth.active = true)`
	isSeller = `(@request.auth.collectionName = "sellers" && @request.auth.active = true)`
	// a seller of the record's own stall (for records with a "stall" relation)
	isSellerOfStall = `(` + isSeller + ` && stall = @request.auth.stall)`
)

// Kecamatan are Malang's five districts.
var Kecamatan = []string{"blimbing", "kedungkandang", "klojen", "lowokwaru", "sukun"}

// OrderStatuses are the states of an order (see tests/vectors/order_transitions.json).
var OrderStatuses = []string{
	"placed", "needs_confirmation", "accepted", "rejected", "ready",
	"on_the_way", "delivered", "completed", "cancelled", "expired",
}

func rule(r string) *string { return types.Pointer(r) }

func f64(v float64) *float64 { return &v }

// timestamps adds created/updated autodates; every synced collection pages
// on (updated, id), so it gets that index too.
func timestamps(c *core.Collection) {
	c.Fields.Add(
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	c.AddIndex("idx_"+c.Name+"_sync", false, "updated, id", "")
}

// moneyField is integer rupiah, never negative.
func moneyField(name string, required bool) *core.NumberField {
	return &core.NumberField{Name: name, OnlyInt: true, Min: f64(0), Max: f64(9007199254740991), Required: required}
}
