package hooks

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

func init() {
	mutationHandlers["order.place"] = placeOrder
}

// placeOrderArgs is what a device sends. Any price, total, buyer or status it
// adds is ignored: the server prices from its own products.
type placeOrderArgs struct {
	Order    string `json:"order"`
	Stall    string `json:"stall"`
	Delivery string `json:"delivery"` // "opd" (the buyer's office) or "pickup"
	Payment  string `json:"payment"`  // "cod" or "qris" (recorded only)
	Note     string `json:"note"`
	Lines    []struct {
		ID        string `json:"id"`
		Product   string `json:"product"`
		Qty       int    `json:"qty"`
		SeenPrice int64  `json:"seenPrice"`
	} `json:"lines"`
}

// OrderAnswer is the data answered for order mutations: where the order stands.
type OrderAnswer struct {
	Order       string              `json:"order"`
	Status      string              `json:"status"`
	Total       int64               `json:"total"`
	ClientTotal int64               `json:"clientTotal"`
	Reasons     []string            `json:"reasons"`
	Lines       []domain.QuotedLine `json:"lines,omitempty"`
}

func decodeArgs(m Mutation, into any) error {
	if err := json.Unmarshal(m.Args, into); err != nil {
		return reject("args_invalid", "Isi perubahan tidak valid. Perbarui aplikasi lalu buat ulang pesanan.")
	}
	return nil
}

func placeOrder(ctx MutationContext) (any, error) {
	if ctx.Actor.Role != "buyer" {
		return nil, reject("role_not_allowed", "Hanya pembeli yang dapat memesan.")
	}
	var args placeOrderArgs
	if err := decodeArgs(ctx.Mutation, &args); err != nil {
		return nil, err
	}
	if !idPattern.MatchString(args.Order) {
		return nil, reject("args_invalid", "Id pesanan tidak valid.")
	}
	if args.Delivery != "opd" && args.Delivery != "pickup" {
		return nil, reject("delivery_invalid", "Pilih antar ke kantor OPD atau ambil di lapak.")
	}
	if args.Payment != "cod" && args.Payment != "qris" {
		return nil, reject("payment_invalid", "Pilih bayar di tempat (COD) atau QRIS.")
	}
	if len([]rune(args.Note)) > 500 {
		return nil, reject("note_too_long", "Catatan paling banyak 500 karakter.")
	}
	app := ctx.App

	if exists, _ := app.FindRecordById("orders", args.Order); exists != nil {
		return nil, reject("order_exists", "Pesanan dengan id ini sudah ada.")
	}
	lineIDs := map[string]bool{}
	for _, l := range args.Lines {
		if !idPattern.MatchString(l.ID) || lineIDs[l.ID] {
			return nil, reject("args_invalid", "Id baris pesanan tidak valid.")
		}
		lineIDs[l.ID] = true
	}

	stall, err := app.FindRecordById("stalls", args.Stall)
	if err != nil || stall.GetString("verification") != "verified" {
		return nil, reject("stall_unavailable", "Lapak ini tidak lagi berjualan di Malpro. Hapus pesanan ini dari keranjang.")
	}

	inputs := make([]domain.OrderLineInput, len(args.Lines))
	ids := make([]string, len(args.Lines))
	for i, l := range args.Lines {
		inputs[i] = domain.OrderLineInput{Product: l.Product, Qty: l.Qty, SeenPrice: l.SeenPrice}
		ids[i] = l.Product
	}
	products, err := loadProducts(app, ids)
	if err != nil {
		return nil, err
	}
	age := max(ctx.ReceivedAt.Sub(ctx.Mutation.CreatedAt), 0)
	quote, err := domain.QuoteOrder(stall.Id, inputs, products, stall.GetBool("is_open"), age)
	if err != nil {
		return nil, rejectionFromDomain(err)
	}

	buyer := ctx.Actor.Record
	order := core.NewRecord(mustCollection(app, "orders"))
	order.Set("id", args.Order)
	order.Set("buyer", buyer.Id)
	order.Set("stall", stall.Id)
	order.Set("payment_method", args.Payment)
	order.Set("delivery_method", args.Delivery)
	order.Set("delivery_name", buyer.GetString("name"))
	order.Set("delivery_phone", buyer.GetString("phone"))
	if args.Delivery == "opd" {
		opd, err := app.FindRecordById("opds", buyer.GetString("opd"))
		if err != nil {
			return nil, reject("opd_missing", "Lengkapi OPD Anda di profil, atau pilih ambil di lapak.")
		}
		order.Set("delivery_opd", opd.Id)
		order.Set("delivery_address", opd.GetString("name")+", "+opd.GetString("address"))
	} else {
		order.Set("delivery_address", stall.GetString("address"))
	}
	order.Set("note", args.Note)
	order.Set("client_created", ctx.Mutation.CreatedAt)
	status := domain.StatusPlaced
	if quote.NeedsConfirmation() {
		status = domain.StatusNeedsConfirmation
	}
	setQuote(order, quote)
	setStatus(order, status, ctx.ReceivedAt)

	if status == domain.StatusPlaced {
		if err := takeStock(app, quote.Lines); err != nil {
			return nil, err
		}
		order.Set("stock_held", true)
	}
	if err := app.Save(order); err != nil {
		return nil, err
	}
	for i, q := range quote.Lines {
		if err := saveLine(app, args.Lines[i].ID, order.Id, q); err != nil {
			return nil, err
		}
	}
	return answerFor(order, quote), nil
}

func mustCollection(app core.App, name string) *core.Collection {
	c, err := app.FindCachedCollectionByNameOrId(name)
	if err != nil {
		panic(err) // the migrations made it; missing means a broken install
	}
	return c
}

func loadProducts(app core.App, ids []string) (map[string]domain.ProductState, error) {
	out := map[string]domain.ProductState{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID     string `db:"id"`
		Stall  string `db:"stall"`
		Name   string `db:"name"`
		Unit   string `db:"unit"`
		Price  int64  `db:"price"`
		Stock  int    `db:"stock"`
		Active bool   `db:"active"`
	}
	anyIDs := make([]any, len(ids))
	for i, id := range ids {
		anyIDs[i] = id
	}
	err := app.DB().Select("id", "stall", "name", "unit", "price", "stock", "active").
		From("products").Where(dbx.In("id", anyIDs...)).All(&rows)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = domain.ProductState{ID: r.ID, Stall: r.Stall, Name: r.Name, Unit: r.Unit, Price: r.Price, Stock: r.Stock, Active: r.Active}
	}
	return out, nil
}

// takeStock and giveBackStock move quantities between products and an order.
func takeStock(app core.App, lines []domain.QuotedLine) error { return moveStock(app, lines, -1) }

func giveBackStock(app core.App, lines []domain.QuotedLine) error { return moveStock(app, lines, +1) }

// moveStock changes each line's product stock by sign × qty in one SQL
// statement that never takes it below 0, and moves the product's `updated`
// with it: devices learn of a product sold out or back in stock by a delta
// pull. The write is registered as a catalog write of this transaction
// (rawCatalogWrite), so `settled` waits for its commit like a record save's.
//
// Taking more than is left fails instead of taking less: the quote read the
// stock in this transaction, and the app has one writer, so only a write
// around the app could cause it. The push then answers retry, and the order
// is priced again from the stock there is.
func moveStock(app core.App, lines []domain.QuotedLine, sign int) error {
	moving := make([]domain.QuotedLine, 0, len(lines))
	for _, l := range lines {
		if l.Qty > 0 {
			moving = append(moving, l)
		}
	}
	if len(moving) == 0 {
		return nil
	}
	return rawCatalogWrite(app, func(stamp string) error {
		for _, l := range moving {
			delta := sign * l.Qty
			res, err := app.DB().NewQuery("UPDATE products SET stock = stock + {:delta}, updated = {:updated} " +
				"WHERE id = {:id} AND stock + {:delta} >= 0").
				Bind(dbx.Params{"delta": delta, "updated": stamp, "id": l.Product}).Execute()
			if err != nil {
				return err
			}
			// giving back to a product deleted meanwhile changes nothing, rightly
			if n, err := res.RowsAffected(); err != nil || (n != 1 && sign < 0) {
				return fmt.Errorf("stock of product %s: moving it by %d changed %d rows (%v)", l.Product, delta, n, err)
			}
		}
		return nil
	})
}

func saveLine(app core.App, id, orderID string, q domain.QuotedLine) error {
	line := core.NewRecord(mustCollection(app, "order_lines"))
	line.Set("id", id)
	line.Set("order", orderID)
	line.Set("product", q.Product)
	line.Set("product_name", q.Name)
	line.Set("unit", q.Unit)
	line.Set("requested_qty", q.RequestedQty)
	line.Set("qty", q.Qty)
	line.Set("price", q.Price)
	line.Set("seen_price", q.SeenPrice)
	line.Set("line_total", q.LineTotal)
	return app.Save(line)
}

func setQuote(order *core.Record, q domain.Quote) {
	order.Set("subtotal", q.Subtotal)
	order.Set("total", q.Total)
	order.Set("client_total", q.ClientTotal)
	order.Set("confirmation", map[string]any{"reasons": q.Reasons, "clientTotal": q.ClientTotal, "total": q.Total})
}

func setStatus(order *core.Record, s domain.OrderStatus, at time.Time) {
	order.Set("status", string(s))
	order.Set("status_changed", at)
}

func answerFor(order *core.Record, q domain.Quote) OrderAnswer {
	return OrderAnswer{
		Order: order.Id, Status: order.GetString("status"),
		Total: q.Total, ClientTotal: q.ClientTotal, Reasons: q.Reasons, Lines: q.Lines,
	}
}

// rejectionFromDomain turns a pricing rule broken into an Indonesian answer.
func rejectionFromDomain(err error) error {
	code := "order_invalid"
	if ve, ok := err.(*domain.ValidationError); ok {
		code = ve.Code
	}
	messages := map[string]string{
		"lines_required":      "Pesanan kosong. Tambahkan produk ke keranjang.",
		"too_many_lines":      "Satu pesanan paling banyak 50 produk. Bagi menjadi beberapa pesanan.",
		"duplicate_line":      "Produk yang sama muncul dua kali. Gabungkan jumlahnya.",
		"qty_invalid":         "Jumlah produk harus 1 sampai 1.000.",
		"price_invalid":       "Harga tidak valid. Muat ulang katalog.",
		"product_unavailable": "Ada produk yang tidak dijual lagi oleh lapak ini. Hapus dari keranjang lalu pesan ulang.",
		"out_of_stock":        "Semua produk pesanan ini sudah habis.",
	}
	msg, ok := messages[code]
	if !ok {
		msg = "Pesanan tidak valid."
	}
	return reject(code, msg)
}
