package domain

import (
	"slices"
	"testing"
	"time"
)

func TestOrderPricingVectors(t *testing.T) {
	var v struct {
		Stall    string
		Products []ProductState
		Cases    []struct {
			Name       string
			Lines      []OrderLineInput
			StallOpen  bool    `json:"stallOpen"`
			AgeHours   float64 `json:"ageHours"`
			ExpectCode string  `json:"expectCode"`
			Expect     struct {
				Subtotal, Total, ClientTotal int64
				Reasons                      []string
				Qty                          []int
			}
		}
	}
	loadVectors(t, "order_pricing.json", &v)
	products := map[string]ProductState{}
	for _, p := range v.Products {
		products[p.ID] = p
	}
	if len(v.Cases) < 10 {
		t.Fatal("too few pricing vectors")
	}
	for _, c := range v.Cases {
		t.Run(c.Name, func(t *testing.T) {
			age := time.Duration(c.AgeHours * float64(time.Hour))
			q, err := QuoteOrder(v.Stall, c.Lines, products, c.StallOpen, age)
			if c.ExpectCode != "" {
				if codeOf(err) != c.ExpectCode {
					t.Fatalf("want %s, got %v", c.ExpectCode, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var qty []int
			for _, l := range q.Lines {
				qty = append(qty, l.Qty)
			}
			e := c.Expect
			if q.Subtotal != e.Subtotal || q.Total != e.Total || q.ClientTotal != e.ClientTotal ||
				!slices.Equal(q.Reasons, e.Reasons) || !slices.Equal(qty, e.Qty) {
				t.Fatalf("got %+v", q)
			}
			if q.NeedsConfirmation() != (len(e.Reasons) > 0) {
				t.Fatal("NeedsConfirmation disagrees with reasons")
			}
		})
	}
}
