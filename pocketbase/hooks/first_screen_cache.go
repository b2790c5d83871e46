package hooks

import (
	"math/rand/v2"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// firstScreenMaxAge bounds how long a read of the catalog serves first
// screens even when its mark has not moved (two changes in one millisecond
// leave the same latest `updated`).
const firstScreenMaxAge = 30 * time.Second

// catalogMark changes whenever a device could see the catalog change: every
// write to a product, stall or category stamps `updated` (stock moves too,
// order_place.go), and a deletion lowers a count. Devices pull on the same
// promise (docs/catalog-sync.md). Each part is one index lookup.
type catalogMark struct {
	Products   string `db:"products"`
	ProductsN  int    `db:"products_n"`
	Stalls     string `db:"stalls"`
	StallsN    int    `db:"stalls_n"`
	Categories string `db:"categories"`
	CategoryN  int    `db:"categories_n"`
}

func readCatalogMark(app core.App) (catalogMark, error) {
	var m catalogMark
	err := app.DB().NewQuery(`SELECT
		(SELECT COALESCE(MAX(updated), '') FROM products) AS products,
		(SELECT COUNT(*) FROM products) AS products_n,
		(SELECT COALESCE(MAX(updated), '') FROM stalls) AS stalls,
		(SELECT COUNT(*) FROM stalls) AS stalls_n,
		(SELECT COALESCE(MAX(updated), '') FROM categories) AS categories,
		(SELECT COUNT(*) FROM categories) AS categories_n`).One(&m)
	return m, err
}

// firstScreenCache keeps the part of the first screen that reads the whole
// catalog (the counts, the stall order, the products that may be picked), so
// a first visit costs the server one small query and a random pick, not two
// scans of every product (at lunchtime, every ASN's phone asks for it). It is
// read again when the catalog's mark moves, or after firstScreenMaxAge.
type firstScreenCache struct {
	mu    sync.Mutex // one read of the catalog at a time; the rest wait for it
	base  *firstScreenBase
	mark  catalogMark
	built time.Time
}

func (c *firstScreenCache) answer(app core.App, pick int) (FirstScreenAnswer, error) {
	mark, err := readCatalogMark(app)
	if err != nil {
		return FirstScreenAnswer{}, err
	}
	c.mu.Lock()
	if c.base == nil || c.mark != mark || time.Since(c.built) > firstScreenMaxAge {
		base, err := readFirstScreenBase(app, FirstScreenStalls)
		if err != nil {
			c.mu.Unlock()
			return FirstScreenAnswer{}, err
		}
		c.base, c.mark, c.built = &base, mark, time.Now()
	}
	base := c.base
	c.mu.Unlock()
	return base.withPick(app, pick)
}

// withPick is the first screen with `pick` products drawn at random, without
// repeats, from those that may be picked (as ORDER BY RANDOM() LIMIT would),
// and their cards read. The base is shared between requests and never changed.
func (b *firstScreenBase) withPick(app core.App, pick int) (FirstScreenAnswer, error) {
	answer := b.answer
	n := len(b.pickable)
	pick = min(pick, n)
	ids := make([]string, 0, pick)
	// a partial Fisher–Yates shuffle over a sparse view of the indices: the
	// first `pick` places only, so a request costs O(pick), not O(catalog)
	moved := make(map[int]int, pick)
	at := func(i int) int {
		if j, ok := moved[i]; ok {
			return j
		}
		return i
	}
	for i := range pick {
		j := i + rand.IntN(n-i)
		vi, vj := at(i), at(j)
		moved[i], moved[j] = vj, vi
		ids = append(ids, b.pickable[vj])
	}
	var err error
	answer.Products, err = readProductCards(app, ids)
	return answer, err
}
