package hooks

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

// The first screen of a device's first visit (src/lib/api/first-screen.ts):
// the home page's categories and stalls, with their product counts, and a few
// products, in one small answer. A phone on a weak signal paints its home from
// it at once; the catalog (thousands of rows) downloads behind it.
const (
	// FirstScreenStalls is how many stalls the home page lists before "show all".
	FirstScreenStalls = 8
	// FirstScreenPick is how many products it shows by default, and the most it may ask.
	FirstScreenPick    = 8
	firstScreenPickMax = 24
)

// FirstScreenCategory is an active category and how many listed products it has.
type FirstScreenCategory struct {
	ID       string `db:"id" json:"id"`
	Slug     string `db:"slug" json:"slug"`
	Name     string `db:"name" json:"name"`
	NameEn   string `db:"name_en" json:"name_en"`
	Sort     int    `db:"sort" json:"-"`
	Products int    `db:"-" json:"products"`
}

// FirstScreenStall is a verified stall as the home page lists it.
type FirstScreenStall struct {
	ID        string `db:"id" json:"id"`
	Name      string `db:"name" json:"name"`
	Kecamatan string `db:"kecamatan" json:"kecamatan"`
	IsOpen    bool   `db:"is_open" json:"is_open"`
	Products  int    `db:"-" json:"products"`
}

// FirstScreenProduct is a product card: of an open stall, in stock.
type FirstScreenProduct struct {
	ID           string `db:"id" json:"id"`
	Name         string `db:"name" json:"name"`
	Unit         string `db:"unit" json:"unit"`
	Price        int    `db:"price" json:"price"`
	Stock        int    `db:"stock" json:"stock"`
	Image        string `db:"image" json:"image"`
	StallName    string `db:"stall_name" json:"stall_name"`
	StallOpen    bool   `db:"stall_open" json:"stall_open"`
	CategorySlug string `db:"category_slug" json:"category_slug"`
}

// FirstScreenAnswer is what GET /api/catalog/first-screen answers.
type FirstScreenAnswer struct {
	Categories  []FirstScreenCategory `json:"categories"`
	Stalls      []FirstScreenStall    `json:"stalls"`
	StallsTotal int                   `json:"stalls_total"`
	Products    []FirstScreenProduct  `json:"products"`
}

func registerFirstScreen(app core.App) {
	cache := &firstScreenCache{}
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.GET("/api/catalog/first-screen", func(re *core.RequestEvent) error {
			pick := FirstScreenPick
			if raw := re.Request.URL.Query().Get("pick"); raw != "" {
				n, err := strconv.Atoi(raw)
				if err != nil || n < 0 || n > firstScreenPickMax {
					return re.BadRequestError("pick: a whole number from 0 to "+strconv.Itoa(firstScreenPickMax), nil)
				}
				pick = n
			}
			answer, err := cache.answer(re.App, pick)
			if err != nil {
				return re.InternalServerError("", err)
			}
			// the pick is random, and the catalog changes: never from a cache
			re.Response.Header().Set("Cache-Control", "no-store")
			return re.JSON(http.StatusOK, answer)
		})
		return e.Next()
	})
}

// firstScreenBase is the first screen without its pick, and the products it
// may pick from (first_screen_cache.go keeps one and draws the pick).
type firstScreenBase struct {
	answer   FirstScreenAnswer
	pickable []string // product ids
}

// readFirstScreenBase reads the home page of a visitor as the device shows it
// once it holds the catalog (src/lib/state/catalog-pages.ts, homeCatalog): the
// active categories by their sort, then name; the verified stalls, open ones
// first, each group by name (domain.ByName), the first `stalls` of them;
// counts of their listed products (active ones of verified stalls); and the
// products of open stalls in stock, to pick from.
func readFirstScreenBase(app core.App, stalls int) (firstScreenBase, error) {
	var base firstScreenBase
	answer := FirstScreenAnswer{
		Categories: []FirstScreenCategory{},
		Stalls:     []FirstScreenStall{},
		Products:   []FirstScreenProduct{},
	}
	db := app.DB()
	if err := db.NewQuery(
		"SELECT id, slug, name, name_en, sort FROM categories WHERE active = TRUE",
	).All(&answer.Categories); err != nil {
		return base, err
	}
	slices.SortFunc(answer.Categories, func(a, b FirstScreenCategory) int {
		if a.Sort != b.Sort {
			return a.Sort - b.Sort
		}
		return domain.ByName(a.Name, a.ID, b.Name, b.ID)
	})

	var all []FirstScreenStall
	if err := db.NewQuery(
		"SELECT id, name, kecamatan, is_open FROM stalls WHERE verification = 'verified'",
	).All(&all); err != nil {
		return base, err
	}
	answer.StallsTotal = len(all)
	// open first, then by name: the names are folded once each, not per comparison
	keys := make(map[string]domain.NameKey, len(all))
	for _, s := range all {
		keys[s.ID] = domain.NameKeyOf(s.Name)
	}
	slices.SortFunc(all, func(a, b FirstScreenStall) int {
		if a.IsOpen != b.IsOpen {
			if a.IsOpen {
				return -1
			}
			return 1
		}
		return domain.ByNameKey(keys[a.ID], a.ID, keys[b.ID], b.ID)
	})
	answer.Stalls = all[:min(stalls, len(all))]

	counts, err := productCounts(app, "category", nil)
	if err != nil {
		return base, err
	}
	for i := range answer.Categories {
		answer.Categories[i].Products = counts[answer.Categories[i].ID]
	}
	shown := make([]any, len(answer.Stalls))
	for i, s := range answer.Stalls {
		shown[i] = s.ID
	}
	if counts, err = productCounts(app, "stall", shown); err != nil {
		return base, err
	}
	for i := range answer.Stalls {
		answer.Stalls[i].Products = counts[answer.Stalls[i].ID]
	}

	// the ids alone: a read of the catalog must stay cheap, it comes after
	// every change (the picked products' cards are read when picked)
	if err := db.NewQuery(
		"SELECT p.id FROM products p JOIN stalls s ON s.id = p.stall WHERE " + pickableWhere,
	).Column(&base.pickable); err != nil {
		return base, err
	}
	base.answer = answer
	return base, nil
}

// pickableWhere: a product the first screen may show is active and in stock,
// of an open verified stall.
const pickableWhere = "p.active = TRUE AND p.stock > 0 AND s.is_open = TRUE AND s.verification = 'verified'"

// readProductCards reads the cards of these products, in this order, leaving
// out any that may no longer be shown.
func readProductCards(app core.App, ids []string) ([]FirstScreenProduct, error) {
	cards := []FirstScreenProduct{}
	if len(ids) == 0 {
		return cards, nil
	}
	in := make([]any, len(ids))
	for i, id := range ids {
		in[i] = id
	}
	err := app.DB().Select("p.id", "p.name", "p.unit", "p.price", "p.stock", "p.image",
		"s.name AS stall_name", "s.is_open AS stall_open", "COALESCE(c.slug, '') AS category_slug").
		From("products p").
		InnerJoin("stalls s", dbx.NewExp("s.id = p.stall")).
		LeftJoin("categories c", dbx.NewExp("c.id = p.category")).
		Where(dbx.And(dbx.In("p.id", in...), dbx.NewExp(pickableWhere))).
		All(&cards)
	order := make(map[string]int, len(ids))
	for i, id := range ids {
		order[id] = i
	}
	slices.SortFunc(cards, func(a, b FirstScreenProduct) int { return order[a.ID] - order[b.ID] })
	return cards, err
}

// productCounts: the listed products (active, of verified stalls) per category
// or per stall (of those in `only`, if given), as a device counts them
// (src/lib/db/catalog.ts, productCounts) and its pages list them.
func productCounts(app core.App, by string, only []any) (map[string]int, error) {
	var rows []struct {
		Key string `db:"key"`
		N   int    `db:"n"`
	}
	column := map[string]string{"category": "p.category", "stall": "p.stall"}[by]
	where := dbx.And(dbx.HashExp{"s.verification": "verified", "p.active": true})
	if only != nil {
		where = dbx.And(where, dbx.In(column, only...))
	}
	err := app.DB().Select(column+" AS key", "COUNT(*) AS n").
		From("products p").
		InnerJoin("stalls s", dbx.NewExp("s.id = p.stall")).
		Where(where).
		GroupBy(column).
		All(&rows)
	counts := make(map[string]int, len(rows))
	for _, r := range rows {
		counts[r.Key] = r.N
	}
	return counts, err
}
