package domain

import "time"

// Limits of one order.
const (
	MaxOrderLines = 50
	MaxLineQty    = 1000
	// StaleAfter: an order queued on a device longer than this needs the
	// buyer's confirmation (prices and stock may have moved on).
	StaleAfter = 72 * time.Hour
)

// Reasons an order needs the buyer's confirmation.
const (
	ReasonPriceChanged = "price_changed"
	ReasonStockShort   = "stock_short"
	ReasonStallClosed  = "stall_closed"
	ReasonStale        = "stale"
)

// OrderLineInput is what a device sends: which product, how many, and the
// price it showed (compared, never charged).
type OrderLineInput struct {
	Product   string `json:"product"`
	Qty       int    `json:"qty"`
	SeenPrice int64  `json:"seenPrice"`
}

// ProductState is the server's own product.
type ProductState struct {
	ID     string `json:"id"`
	Stall  string `json:"stall"`
	Name   string `json:"name"`
	Unit   string `json:"unit"`
	Price  int64  `json:"price"`
	Stock  int    `json:"stock"`
	Active bool   `json:"active"`
}

// QuotedLine is a line priced by the server. Qty may be below RequestedQty
// when stock is short (the proposal the buyer confirms).
type QuotedLine struct {
	Product      string `json:"product"`
	Name         string `json:"name"`
	Unit         string `json:"unit"`
	RequestedQty int    `json:"requestedQty"`
	Qty          int    `json:"qty"`
	Price        int64  `json:"price"`
	SeenPrice    int64  `json:"seenPrice"`
	LineTotal    int64  `json:"lineTotal"`
}

// Quote is the server's price of an order; Reasons non-empty means the buyer
// must confirm before the order is placed.
type Quote struct {
	Lines       []QuotedLine `json:"lines"`
	Subtotal    int64        `json:"subtotal"`
	Total       int64        `json:"total"`
	ClientTotal int64        `json:"clientTotal"`
	Reasons     []string     `json:"reasons"`
}

// NeedsConfirmation tells whether the quote differs from what the buyer saw.
func (q Quote) NeedsConfirmation() bool { return len(q.Reasons) > 0 }

// QuoteOrder prices lines from the server's products for the stall stallID.
// age is how long the order waited on the device (never below 0).
func QuoteOrder(stallID string, lines []OrderLineInput, products map[string]ProductState, stallOpen bool, age time.Duration) (Quote, error) {
	if len(lines) == 0 {
		return Quote{}, invalid("lines_required", "an order has at least one line")
	}
	if len(lines) > MaxOrderLines {
		return Quote{}, invalid("too_many_lines", "an order has at most 50 lines")
	}

	q := Quote{Lines: make([]QuotedLine, 0, len(lines)), Reasons: []string{}}
	seen := map[string]bool{}
	reason := map[string]bool{}
	for _, in := range lines {
		if seen[in.Product] {
			return Quote{}, invalid("duplicate_line", "a product appears twice in one order")
		}
		seen[in.Product] = true
		if in.Qty < 1 || in.Qty > MaxLineQty {
			return Quote{}, invalid("qty_invalid", "quantity is 1 to 1000")
		}
		if in.SeenPrice < 0 || in.SeenPrice > MaxRupiah {
			return Quote{}, invalid("price_invalid", "seen price is a non-negative integer")
		}
		p, ok := products[in.Product]
		if !ok || !p.Active || p.Stall != stallID {
			return Quote{}, invalid("product_unavailable", "a product is no longer sold by this stall")
		}

		qty := in.Qty
		if p.Stock < qty {
			qty = p.Stock
			reason[ReasonStockShort] = true
		}
		if p.Price != in.SeenPrice {
			reason[ReasonPriceChanged] = true
		}
		line := QuotedLine{
			Product: p.ID, Name: p.Name, Unit: p.Unit,
			RequestedQty: in.Qty, Qty: qty, Price: p.Price, SeenPrice: in.SeenPrice,
			LineTotal: p.Price * int64(qty),
		}
		q.Lines = append(q.Lines, line)
		q.Subtotal += line.LineTotal
		q.ClientTotal += in.SeenPrice * int64(in.Qty)
	}

	if q.Subtotal == 0 && reason[ReasonStockShort] {
		allGone := true
		for _, l := range q.Lines {
			if l.Qty > 0 {
				allGone = false
			}
		}
		if allGone {
			return Quote{}, invalid("out_of_stock", "every product of this order is sold out")
		}
	}
	if !stallOpen {
		reason[ReasonStallClosed] = true
	}
	if age > StaleAfter {
		reason[ReasonStale] = true
	}
	for _, r := range []string{ReasonPriceChanged, ReasonStockShort, ReasonStallClosed, ReasonStale} {
		if reason[r] {
			q.Reasons = append(q.Reasons, r)
		}
	}
	q.Total = q.Subtotal // no fees: Malpro takes no commission and delivery is free
	return q, nil
}
