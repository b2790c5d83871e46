package seed

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// The plan turns the hand-written tables into the exact rows to insert. It
// is pure and seeded, so every start of every test server gets the same city.

// planSeed fixes the random choices (Malpro's launch, 13 March 2023, with 165 UMKM).
var planSeed = [2]uint64{20230313, 165}

// stallPlan is a stall as it will be stored.
type stallPlan struct {
	stall
	nib        string
	phone      string
	categories []string // slugs of its products' categories, in category order
	products   []productPlan
}

// productPlan is a product as it will be stored.
type productPlan struct {
	catalogItem
	price  int
	stock  int
	active bool
	shape  int // of its picture, so neighbours in a list look different
}

// demo sellers' stalls keep a fixed, predictable list (see planProducts)
var fixedStalls = map[string]bool{SananStallSlug: true, DampitStallSlug: true}

func planStalls() []stallPlan {
	r := rand.New(rand.NewPCG(planSeed[0], planSeed[1]))
	usedNIB := map[string]bool{}
	usedPhone := map[string]bool{}
	for _, a := range DemoAccounts {
		usedPhone[a.Phone] = true
	}

	out := make([]stallPlan, len(stalls))
	for i, s := range stalls {
		p := stallPlan{stall: s, nib: uniqueNIB(r, usedNIB), phone: s.phone}
		if p.phone == "" {
			p.phone = uniquePhone(r, usedPhone)
		}
		p.products = planProducts(r, s)
		for _, c := range categories {
			if slices.ContainsFunc(p.products, func(pp productPlan) bool { return pp.category == c.slug }) {
				p.categories = append(p.categories, c.slug)
			}
		}
		out[i] = p
	}
	return out
}

// planProducts picks 8–12 of the stall's catalog at prices near the usual
// ones; a few are sold out (stock 0) or inactive. The demo sellers' stalls
// get the first ten items in order, all active and in stock except the 9th
// (sold out) and the 10th (inactive), so tests and demos know what to expect.
func planProducts(r *rand.Rand, s stall) []productPlan {
	items := catalogs[s.catalog]
	n := min(8+r.IntN(5), len(items))
	picks := r.Perm(len(items))[:n]
	fixed := fixedStalls[s.slug]
	if fixed {
		n = min(10, len(items))
		picks = make([]int, n)
		for i := range picks {
			picks[i] = i
		}
	}

	out := make([]productPlan, n)
	for i, idx := range picks {
		p := productPlan{
			catalogItem: items[idx],
			price:       varyPrice(r, items[idx].price),
			stock:       1 + r.IntN(200),
			active:      true,
			shape:       i % shapeCount,
		}
		soldOut, inactive := r.IntN(25) == 0, r.IntN(30) == 0
		if fixed {
			soldOut, inactive = i == 8, i == 9
		}
		if soldOut {
			p.stock = 0
		}
		p.active = !inactive
		out[i] = p
	}
	return out
}

// varyPrice moves a price by −10 % … +15 % and rounds it the way stalls
// price things: to Rp500 below Rp50.000, then Rp1.000, Rp5.000, Rp50.000.
func varyPrice(r *rand.Rand, base int) int {
	v := base * (90 + r.IntN(26)) / 100
	step := 500
	switch {
	case v >= 1_000_000:
		step = 50_000
	case v >= 200_000:
		step = 5_000
	case v >= 50_000:
		step = 1_000
	}
	return max(step, (v+step/2)/step*step)
}

// uniqueNIB makes a 13-digit business number in the style of OSS ("912…").
func uniqueNIB(r *rand.Rand, used map[string]bool) string {
	for {
		v := fmt.Sprintf("912%010d", r.Int64N(10_000_000_000))
		if !used[v] {
			used[v] = true
			return v
		}
	}
}

// uniquePhone makes a mobile number +6281x-xxxx-xxxx (11 digits after +62).
func uniquePhone(r *rand.Rand, used map[string]bool) string {
	for {
		v := fmt.Sprintf("+6281%d%08d", 2+r.IntN(8), r.IntN(100_000_000))
		if !used[v] {
			used[v] = true
			return v
		}
	}
}
