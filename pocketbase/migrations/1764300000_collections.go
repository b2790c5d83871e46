package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The collections of issue 3 (data model, API rules). Rules deny by default;
// state changes that carry business rules (orders) happen only in Go hooks.
func init() {
	m.Register(createCollections, dropCollections)
}

// in creation order; dropped in reverse
var collectionNames = []string{
	"opds", "categories", "admins", "stalls", "sellers", "buyers",
	"products", "orders", "order_lines", "tombstones",
}

func createCollections(app core.App) error {
	builders := []func(core.App) (*core.Collection, error){
		opdsCollection, categoriesCollection, adminsCollection, stallsCollection,
		sellersCollection, buyersCollection, productsCollection, ordersCollection,
		orderLinesCollection, tombstonesCollection,
	}
	for _, build := range builders {
		c, err := build(app)
		if err != nil {
			return err
		}
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}

func dropCollections(app core.App) error {
	for i := len(collectionNames) - 1; i >= 0; i-- {
		c, err := app.FindCollectionByNameOrId(collectionNames[i])
		if err != nil {
			continue // already gone
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	return nil
}

func opdsCollection(core.App) (*core.Collection, error) {
	c := core.NewBaseCollection("opds")
	c.Fields.Add(
		&core.TextField{Name: "code", Required: true, Max: 20, Pattern: `^[A-Z0-9-]+$`},
		&core.TextField{Name: "name", Required: true, Max: 200, Presentable: true},
		&core.TextField{Name: "address", Max: 300},
		&core.BoolField{Name: "active"},
	)
	timestamps(c)
	c.AddIndex("idx_opds_code", true, "code", "")
	c.ListRule, c.ViewRule = rule(""), rule("")
	c.CreateRule, c.UpdateRule, c.DeleteRule = rule(isAdmin), rule(isAdmin), rule(isAdmin)
	return c, nil
}

func categoriesCollection(core.App) (*core.Collection, error) {
	c := core.NewBaseCollection("categories")
	c.Fields.Add(
		&core.TextField{Name: "slug", Required: true, Max: 50, Pattern: `^[a-z0-9-]+$`},
		&core.TextField{Name: "name", Required: true, Max: 100, Presentable: true}, // Indonesian
		&core.TextField{Name: "name_en", Required: true, Max: 100},
		&core.NumberField{Name: "sort", OnlyInt: true},
		&core.BoolField{Name: "active"},
	)
	timestamps(c)
	c.AddIndex("idx_categories_slug", true, "slug", "")
	c.ListRule, c.ViewRule = rule(""), rule("")
	c.CreateRule, c.UpdateRule, c.DeleteRule = rule(isAdmin), rule(isAdmin), rule(isAdmin)
	return c, nil
}

func adminsCollection(core.App) (*core.Collection, error) {
	c := core.NewAuthCollection("admins")
	c.Fields.Add(
		&core.TextField{Name: "name", Required: true, Max: 200, Presentable: true},
	)
	timestamps(c)
	// City staff: they see each other; accounts are made by a superuser.
	c.ListRule, c.ViewRule = rule(isAdmin), rule(isAdmin)
	c.UpdateRule = rule(`@request.auth.collectionName = "admins" && id = @request.auth.id`)
	c.CreateRule, c.DeleteRule = nil, nil
	c.AuthToken.Duration = 7 * 24 * 3600
	return c, nil
}

func stallsCollection(app core.App) (*core.Collection, error) {
	categories, err := app.FindCollectionByNameOrId("categories")
	if err != nil {
		return nil, err
	}
	c := core.NewBaseCollection("stalls")
	c.Fields.Add(
		&core.TextField{Name: "name", Required: true, Max: 120, Presentable: true},
		&core.TextField{Name: "slug", Required: true, Max: 140, Pattern: `^[a-z0-9-]+$`},
		&core.TextField{Name: "owner_name", Required: true, Max: 120},
		&core.TextField{Name: "description", Max: 1000},
		// personal or registration data: hooks/privacy.go hides them from those
		// who may not see them (not Hidden here: admins and sellers must write them)
		&core.TextField{Name: "nib", Required: true, Min: 13, Max: 13, Pattern: `^[0-9]{13}$`},
		&core.TextField{Name: "phone", Required: true, Max: 16, Pattern: `^\+628[0-9]{8,11}$`},
		&core.TextField{Name: "address", Required: true, Max: 300},
		&core.SelectField{Name: "kecamatan", Required: true, MaxSelect: 1, Values: Kecamatan},
		&core.RelationField{Name: "categories", CollectionId: categories.Id, MaxSelect: 8},
		&core.JSONField{Name: "hours", MaxSize: 2000},
		&core.BoolField{Name: "is_open"},
		&core.SelectField{Name: "verification", Required: true, MaxSelect: 1, Values: []string{"pending", "verified", "rejected", "suspended"}},
	)
	timestamps(c)
	c.AddIndex("idx_stalls_slug", true, "slug", "")
	c.AddIndex("idx_stalls_nib", true, "nib", "")
	c.AddIndex("idx_stalls_kecamatan", false, "kecamatan", "")
	// The catalog: verified stalls for everyone (closed ones too, for sync);
	// unverified ones only for their own sellers and the city.
	visible := `verification = "verified" || (` + isSeller + ` && id = @request.auth.stall) || ` + isAdmin
	c.ListRule, c.ViewRule = rule(visible), rule(visible)
	c.CreateRule, c.DeleteRule = rule(isAdmin), rule(isAdmin)
	// a stall's sellers edit its shop details, not its registration or verification
	c.UpdateRule = rule(isAdmin + ` || (` + isSeller + ` && id = @request.auth.stall && ` +
		`@request.body.nib:isset = false && @request.body.verification:isset = false && @request.body.slug:isset = false)`)
	return c, nil
}

func sellersCollection(app core.App) (*core.Collection, error) {
	stalls, err := app.FindCollectionByNameOrId("stalls")
	if err != nil {
		return nil, err
	}
	c := core.NewAuthCollection("sellers")
	c.Fields.Add(
		&core.TextField{Name: "name", Required: true, Max: 120, Presentable: true},
		&core.TextField{Name: "phone", Required: true, Max: 16, Pattern: `^\+628[0-9]{8,11}$`},
		&core.TextField{Name: "ktp", Max: 16, Pattern: `^[0-9]{16}$`}, // hidden per request, hooks/privacy.go
		&core.RelationField{Name: "stall", Required: true, MaxSelect: 1, CollectionId: stalls.Id},
		&core.SelectField{Name: "role", Required: true, MaxSelect: 1, Values: []string{"owner", "helper"}},
		&core.BoolField{Name: "active"},
	)
	timestamps(c)
	c.AddIndex("idx_sellers_phone", true, "phone", "")
	c.AddIndex("idx_sellers_stall", false, "stall", "")
	c.PasswordAuth.IdentityFields = []string{"email", "phone"}
	// A seller sees the other phones of their own stall.
	see := `(` + isSeller + ` && (id = @request.auth.id || stall = @request.auth.stall)) || ` + isAdmin
	c.ListRule, c.ViewRule = rule(see), rule(see)
	c.CreateRule, c.DeleteRule = rule(isAdmin), rule(isAdmin)
	c.UpdateRule = rule(isAdmin + ` || (` + isSeller + ` && id = @request.auth.id && @request.body.stall:isset = false && ` +
		`@request.body.role:isset = false && @request.body.active:isset = false && @request.body.ktp:isset = false)`)
	c.AuthToken.Duration = 30 * 24 * 3600 // stalls work offline for days
	// city staff verify accounts, reset forgotten passwords and correct emails
	c.ManageRule = rule(isAdmin)
	c.AuthRule = rule(`active = true`) // a deactivated account cannot sign in
	return c, nil
}

func buyersCollection(app core.App) (*core.Collection, error) {
	opds, err := app.FindCollectionByNameOrId("opds")
	if err != nil {
		return nil, err
	}
	c := core.NewAuthCollection("buyers")
	if email, ok := c.Fields.GetByName("email").(*core.EmailField); ok {
		email.Required = false // ASN sign in by NIP
	}
	c.Fields.Add(
		&core.TextField{Name: "nip", Required: true, Min: 18, Max: 18, Pattern: `^[0-9]{18}$`},
		&core.TextField{Name: "name", Required: true, Max: 120, Presentable: true},
		&core.RelationField{Name: "opd", Required: true, MaxSelect: 1, CollectionId: opds.Id},
		&core.TextField{Name: "phone", Max: 16, Pattern: `^\+628[0-9]{8,11}$`},
		&core.TextField{Name: "address", Max: 300},
		&core.SelectField{Name: "kecamatan", MaxSelect: 1, Values: Kecamatan},
		&core.BoolField{Name: "active"},
	)
	timestamps(c)
	c.AddIndex("idx_buyers_nip", true, "nip", "")
	c.AddIndex("idx_buyers_opd", false, "opd", "")
	c.PasswordAuth.IdentityFields = []string{"nip"}
	// Sellers never read buyers: an order carries its own delivery contact.
	see := `(` + isBuyer + ` && id = @request.auth.id) || ` + isAdmin
	c.ListRule, c.ViewRule = rule(see), rule(see)
	c.CreateRule, c.DeleteRule = rule(isAdmin), rule(isAdmin)
	c.UpdateRule = rule(isAdmin + ` || (` + isBuyer + ` && id = @request.auth.id && @request.body.nip:isset = false && ` +
		`@request.body.active:isset = false && @request.body.verified:isset = false)`)
	c.AuthToken.Duration = 30 * 24 * 3600
	c.ManageRule = rule(isAdmin)
	c.AuthRule = rule(`active = true`) // a deactivated account cannot sign in
	return c, nil
}

func productsCollection(app core.App) (*core.Collection, error) {
	stalls, err := app.FindCollectionByNameOrId("stalls")
	if err != nil {
		return nil, err
	}
	categories, err := app.FindCollectionByNameOrId("categories")
	if err != nil {
		return nil, err
	}
	c := core.NewBaseCollection("products")
	c.Fields.Add(
		&core.RelationField{Name: "stall", Required: true, MaxSelect: 1, CollectionId: stalls.Id, CascadeDelete: true},
		&core.RelationField{Name: "category", Required: true, MaxSelect: 1, CollectionId: categories.Id},
		&core.TextField{Name: "name", Required: true, Max: 150, Presentable: true},
		&core.TextField{Name: "description", Max: 2000},
		&core.TextField{Name: "unit", Required: true, Max: 40},
		moneyField("price", true),
		&core.NumberField{Name: "stock", OnlyInt: true, Min: f64(0), Max: f64(1_000_000)},
		&core.FileField{Name: "image", MaxSelect: 1, MaxSize: 2 << 20,
			MimeTypes: []string{"image/jpeg", "image/png", "image/webp"},
			Thumbs:    []string{"160x160", "480x480"}},
		&core.BoolField{Name: "active"},
	)
	timestamps(c)
	c.AddIndex("idx_products_stall", false, "stall", "")
	c.AddIndex("idx_products_category", false, "category", "")
	// Everyone reads the catalog, inactive rows too (devices must learn of them).
	visible := `stall.verification = "verified" || ` + isSellerOfStall + ` || ` + isAdmin
	c.ListRule, c.ViewRule = rule(visible), rule(visible)
	c.CreateRule = rule(isAdmin + ` || (` + isSeller + ` && @request.body.stall = @request.auth.stall)`)
	c.UpdateRule = rule(isAdmin + ` || (` + isSellerOfStall + ` && (@request.body.stall:isset = false || @request.body.stall = @request.auth.stall))`)
	c.DeleteRule = rule(isAdmin + ` || ` + isSellerOfStall)
	return c, nil
}

func ordersCollection(app core.App) (*core.Collection, error) {
	buyers, err := app.FindCollectionByNameOrId("buyers")
	if err != nil {
		return nil, err
	}
	stalls, err := app.FindCollectionByNameOrId("stalls")
	if err != nil {
		return nil, err
	}
	opds, err := app.FindCollectionByNameOrId("opds")
	if err != nil {
		return nil, err
	}
	c := core.NewBaseCollection("orders")
	c.Fields.Add(
		&core.RelationField{Name: "buyer", Required: true, MaxSelect: 1, CollectionId: buyers.Id},
		&core.RelationField{Name: "stall", Required: true, MaxSelect: 1, CollectionId: stalls.Id},
		&core.SelectField{Name: "status", Required: true, MaxSelect: 1, Values: OrderStatuses},
		&core.SelectField{Name: "payment_method", Required: true, MaxSelect: 1, Values: []string{"cod", "qris"}},
		&core.SelectField{Name: "delivery_method", Required: true, MaxSelect: 1, Values: []string{"opd", "pickup"}},
		&core.RelationField{Name: "delivery_opd", MaxSelect: 1, CollectionId: opds.Id},
		// the delivery contact, copied at placement: sellers see this, never the buyer's record
		&core.TextField{Name: "delivery_name", Max: 120},
		&core.TextField{Name: "delivery_phone", Max: 16},
		&core.TextField{Name: "delivery_address", Max: 300},
		&core.TextField{Name: "note", Max: 500},
		moneyField("subtotal", false),
		moneyField("total", false),
		moneyField("client_total", false), // what the device showed; compared, never charged
		&core.DateField{Name: "client_created"},
		&core.DateField{Name: "status_changed"},
	)
	timestamps(c)
	c.AddIndex("idx_orders_buyer", false, "buyer, updated", "")
	c.AddIndex("idx_orders_stall", false, "stall, updated", "")
	c.AddIndex("idx_orders_status", false, "status, status_changed", "")
	see := `(` + isBuyer + ` && buyer = @request.auth.id) || ` + isSellerOfStall + ` || ` + isAdmin
	c.ListRule, c.ViewRule = rule(see), rule(see)
	// Orders are written only by the server (the sync route), never directly.
	c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil
	return c, nil
}

func orderLinesCollection(app core.App) (*core.Collection, error) {
	orders, err := app.FindCollectionByNameOrId("orders")
	if err != nil {
		return nil, err
	}
	products, err := app.FindCollectionByNameOrId("products")
	if err != nil {
		return nil, err
	}
	c := core.NewBaseCollection("order_lines")
	c.Fields.Add(
		&core.RelationField{Name: "order", Required: true, MaxSelect: 1, CollectionId: orders.Id, CascadeDelete: true},
		&core.RelationField{Name: "product", MaxSelect: 1, CollectionId: products.Id},
		&core.TextField{Name: "product_name", Required: true, Max: 150},
		&core.TextField{Name: "unit", Max: 40},
		&core.NumberField{Name: "qty", Required: true, OnlyInt: true, Min: f64(1), Max: f64(10_000)},
		moneyField("price", false),
		moneyField("seen_price", false),
		moneyField("line_total", false),
	)
	timestamps(c)
	c.AddIndex("idx_order_lines_order", false, "`order`", "")
	see := `(` + isBuyer + ` && order.buyer = @request.auth.id) || (` + isSeller + ` && order.stall = @request.auth.stall) || ` + isAdmin
	c.ListRule, c.ViewRule = rule(see), rule(see)
	c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil
	return c, nil
}

func tombstonesCollection(core.App) (*core.Collection, error) {
	c := core.NewBaseCollection("tombstones")
	c.Fields.Add(
		&core.TextField{Name: "coll", Required: true, Max: 50},
		&core.TextField{Name: "record", Required: true, Max: 50},
	)
	timestamps(c)
	c.AddIndex("idx_tombstones_record", false, "coll, record", "")
	// Deletions of catalog rows, so devices can drop them; written by hooks only.
	c.ListRule, c.ViewRule = rule(""), rule("")
	c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil
	return c, nil
}
