package seed

import (
	"testing"

	"malpro/testutil"
)

func TestPlanLargeSpreadsAndCounts(t *testing.T) {
	plans := planLarge(LargeOptions{Stalls: 60, Products: 610}, 10, 100)
	if len(plans) != 50 {
		t.Fatalf("stalls: got %d, want 50", len(plans))
	}
	products, slugs := 0, map[string]bool{}
	perKecamatan, perCategory := map[string]int{}, map[string]int{}
	for _, s := range plans {
		if slugs[s.slug] {
			t.Errorf("slug %q twice", s.slug)
		}
		slugs[s.slug] = true
		perKecamatan[s.kecamatan]++
		names := map[string]bool{}
		for _, p := range s.products {
			products++
			perCategory[p.category]++
			if names[p.name] {
				t.Errorf("%s: product %q twice", s.slug, p.name)
			}
			names[p.name] = true
			if p.price <= 0 || p.price%500 != 0 || p.stock < 0 || p.name == "" || p.unit == "" {
				t.Errorf("%s: bad product %+v", s.slug, p)
			}
		}
	}
	if products != 510 {
		t.Errorf("products: got %d, want 510", products)
	}
	for _, k := range kecamatan {
		if perKecamatan[k] != 10 {
			t.Errorf("kecamatan %s: %d stalls, want 10", k, perKecamatan[k])
		}
	}
	for _, c := range categories {
		if perCategory[c.slug] == 0 {
			t.Errorf("no product in category %s", c.slug)
		}
	}
}

func TestLoadLargeSmall(t *testing.T) {
	app := testutil.NewApp(t, nil)
	if err := LoadDemo(app); err != nil {
		t.Fatal(err)
	}
	demoStalls, _ := app.CountRecords("stalls")
	demoProducts, _ := app.CountRecords("products")
	o := LargeOptions{Stalls: int(demoStalls) + 20, Products: int(demoProducts) + 200}

	rep, err := LoadLarge(app, o)
	if err != nil {
		t.Fatalf("LoadLarge: %v", err)
	}
	if rep.Stalls != o.Stalls || rep.Products != o.Products || rep.AddedProducts != 200 {
		t.Fatalf("report %+v, want %+v", rep, o)
	}
	again, err := LoadLarge(app, o)
	if err != nil || !again.AlreadyLoaded || again.Products != o.Products {
		t.Fatalf("second LoadLarge: %+v, %v", again, err)
	}
}
