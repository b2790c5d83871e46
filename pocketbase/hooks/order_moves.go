package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

// Each order.<action> mutation asks the server to move an order; the state
// machine in malpro/domain decides, with the role of the one asking.
func init() {
	for _, a := range []domain.OrderAction{
		domain.ActionCancel, domain.ActionAccept, domain.ActionReject, domain.ActionReady,
		domain.ActionShip, domain.ActionDeliver, domain.ActionReceive,
	} {
		mutationHandlers["order."+string(a)] = moveOrder(a)
	}
	mutationHandlers["order.confirm"] = confirmOrder
}

type orderMoveArgs struct {
	Order  string `json:"order"`
	Reason string `json:"reason"`
}

// findOwnOrder loads the order the actor may act on: the buyer's own, or one
// of the seller's stall. Others' orders answer as if missing.
func findOwnOrder(ctx MutationContext, id string) (*core.Record, error) {
	order, err := ctx.App.FindRecordById("orders", id)
	if err != nil {
		return nil, reject("order_not_found", "Pesanan tidak ditemukan.")
	}
	a := ctx.Actor
	own := (a.Role == "buyer" && order.GetString("buyer") == a.Record.Id) ||
		(a.Role == "seller" && order.GetString("stall") == a.Record.GetString("stall"))
	if !own {
		return nil, reject("order_not_found", "Pesanan tidak ditemukan.")
	}
	return order, nil
}

func statusConflict(order *core.Record) *Rejection {
	return &Rejection{
		Code:    "status_conflict",
		Message: "Status pesanan sudah berubah; langkah ini tidak bisa dilakukan lagi.",
		Data:    map[string]string{"order": order.Id, "status": order.GetString("status")},
	}
}

func moveOrder(action domain.OrderAction) mutationHandler {
	return func(ctx MutationContext) (any, error) {
		var args orderMoveArgs
		if err := decodeArgs(ctx.Mutation, &args); err != nil {
			return nil, err
		}
		if len([]rune(args.Reason)) > 300 {
			return nil, reject("reason_too_long", "Alasan paling banyak 300 karakter.")
		}
		if action == domain.ActionReject && args.Reason == "" {
			return nil, reject("reason_required", "Tuliskan alasan penolakan untuk pembeli.")
		}
		order, err := findOwnOrder(ctx, args.Order)
		if err != nil {
			return nil, err
		}
		from := domain.OrderStatus(order.GetString("status"))
		to, ok := domain.NextStatus(from, action, domain.Role(ctx.Actor.Role))
		if !ok {
			return nil, statusConflict(order)
		}
		if err := applyMove(ctx.App, order, to, args.Reason, ctx.ReceivedAt); err != nil {
			return nil, err
		}
		return map[string]string{"order": order.Id, "status": string(to)}, nil
	}
}

// applyMove changes an order's status, giving its stock back when it leaves
// the statuses that hold stock. The products' `updated` moves with their stock
// (moveStock), stamped by the server's clock, not by at: devices pull it.
func applyMove(app core.App, order *core.Record, to domain.OrderStatus, note string, at time.Time) error {
	if order.GetBool("stock_held") && !domain.HoldsStock(to) {
		lines, err := orderLines(app, order.Id)
		if err != nil {
			return err
		}
		if err := giveBackStock(app, lines); err != nil {
			return err
		}
		order.Set("stock_held", false)
	}
	if note != "" {
		order.Set("status_note", note)
	}
	setStatus(order, to, at)
	return app.Save(order)
}

func orderLines(app core.App, orderID string) ([]domain.QuotedLine, error) {
	records, err := app.FindAllRecords("order_lines", dbxOrder(orderID))
	if err != nil {
		return nil, err
	}
	out := make([]domain.QuotedLine, len(records))
	for i, r := range records {
		out[i] = domain.QuotedLine{
			Product: r.GetString("product"), Name: r.GetString("product_name"), Unit: r.GetString("unit"),
			RequestedQty: r.GetInt("requested_qty"), Qty: r.GetInt("qty"),
			Price: int64(r.GetInt("price")), SeenPrice: int64(r.GetInt("seen_price")), LineTotal: int64(r.GetInt("line_total")),
		}
	}
	return out, nil
}

// confirmOrder is the buyer's yes to the server's proposal. It is priced again:
// if prices or stock moved once more, the proposal is renewed and the order
// still needs confirmation (answered in data); otherwise it is placed.
func confirmOrder(ctx MutationContext) (any, error) {
	var args orderMoveArgs
	if err := decodeArgs(ctx.Mutation, &args); err != nil {
		return nil, err
	}
	order, err := findOwnOrder(ctx, args.Order)
	if err != nil {
		return nil, err
	}
	to, ok := domain.NextStatus(domain.OrderStatus(order.GetString("status")), domain.ActionConfirm, domain.Role(ctx.Actor.Role))
	if !ok {
		return nil, statusConflict(order)
	}
	app := ctx.App
	proposal, err := orderLines(app, order.Id)
	if err != nil {
		return nil, err
	}
	var inputs []domain.OrderLineInput
	var ids []string
	for _, l := range proposal {
		if l.Qty > 0 {
			inputs = append(inputs, domain.OrderLineInput{Product: l.Product, Qty: l.Qty, SeenPrice: l.Price})
			ids = append(ids, l.Product)
		}
	}
	products, err := loadProducts(app, ids)
	if err != nil {
		return nil, err
	}
	// the buyer has accepted a closed stall and a late order: only money and stock count now
	quote, err := domain.QuoteOrder(order.GetString("stall"), inputs, products, true, 0)
	if err != nil {
		return nil, rejectionFromDomain(err)
	}

	byProduct := map[string]domain.QuotedLine{}
	for _, q := range quote.Lines {
		byProduct[q.Product] = q
	}
	lineRecords, err := app.FindAllRecords("order_lines", dbxOrder(order.Id))
	if err != nil {
		return nil, err
	}
	for _, r := range lineRecords {
		if q, ok := byProduct[r.GetString("product")]; ok {
			r.Set("qty", q.Qty)
			r.Set("price", q.Price)
			r.Set("line_total", q.LineTotal)
			if err := app.Save(r); err != nil {
				return nil, err
			}
		}
	}
	order.Set("subtotal", quote.Subtotal)
	order.Set("total", quote.Total)
	if quote.NeedsConfirmation() {
		order.Set("confirmation", map[string]any{"reasons": quote.Reasons, "clientTotal": order.GetInt("client_total"), "total": quote.Total})
		if err := app.Save(order); err != nil {
			return nil, err
		}
		return OrderAnswer{Order: order.Id, Status: string(domain.StatusNeedsConfirmation), Total: quote.Total,
			ClientTotal: int64(order.GetInt("client_total")), Reasons: quote.Reasons, Lines: quote.Lines}, nil
	}
	if err := takeStock(app, quote.Lines); err != nil {
		return nil, err
	}
	order.Set("stock_held", true)
	if err := applyMove(app, order, to, "", ctx.ReceivedAt); err != nil {
		return nil, err
	}
	return OrderAnswer{Order: order.Id, Status: string(to), Total: quote.Total,
		ClientTotal: int64(order.GetInt("client_total")), Reasons: []string{}, Lines: quote.Lines}, nil
}
