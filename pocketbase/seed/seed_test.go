package seed

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
	"malpro/testutil"
)

func TestLoadDemo(t *testing.T) {
	app := testutil.NewApp(t, nil)

	started := time.Now()
	if err := LoadDemo(app); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	t.Logf("first load: %v", time.Since(started))

	t.Run("categories", func(t *testing.T) {
		for i, c := range categories {
			r, err := app.FindFirstRecordByData("categories", "slug", c.slug)
			if err != nil {
				t.Fatalf("category %s: %v", c.slug, err)
			}
			if r.GetString("name") != c.name || r.GetString("name_en") != c.nameEN ||
				r.GetInt("sort") != i+1 || !r.GetBool("active") {
				t.Errorf("category %s stored as %v", c.slug, r.PublicExport())
			}
		}
	})

	t.Run("opds", func(t *testing.T) {
		n := count(t, app, "opds")
		if n < 18 || n > 25 {
			t.Errorf("%d OPDs, want about 20", n)
		}
		for _, code := range []string{"DISKOMINFO", "DISKOPINDAG", "DISPANGTAN"} {
			if _, err := app.FindFirstRecordByData("opds", "code", code); err != nil {
				t.Errorf("OPD %s: %v", code, err)
			}
		}
	})

	t.Run("stalls", func(t *testing.T) {
		stalls, err := app.FindAllRecords("stalls")
		if err != nil {
			t.Fatal(err)
		}
		perKecamatan := map[string]int{}
		covered := map[string]bool{}
		verified, pending, closed := 0, 0, 0
		for _, s := range stalls {
			switch s.GetString("verification") {
			case "verified":
				verified++
				perKecamatan[s.GetString("kecamatan")]++
				for _, id := range s.GetStringSlice("categories") {
					covered[id] = true
				}
			case "pending":
				pending++
			}
			if !s.GetBool("is_open") {
				closed++
			}
		}
		t.Logf("stalls: %d verified %v, %d pending, %d closed", verified, perKecamatan, pending, closed)
		if verified < 40 || pending != 2 || closed == 0 {
			t.Errorf("verified %d (want ≥ 40), pending %d (want 2), closed %d (want some)", verified, pending, closed)
		}
		for _, k := range kecamatan {
			if perKecamatan[k] < 5 {
				t.Errorf("kecamatan %s has %d verified stalls", k, perKecamatan[k])
			}
		}
		if len(covered) != len(categories) {
			t.Errorf("verified stalls cover %d categories, want %d", len(covered), len(categories))
		}
	})

	t.Run("products", func(t *testing.T) {
		products, err := app.FindAllRecords("products")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("products: %d", len(products))
		if len(products) < 400 {
			t.Errorf("%d products, want ≥ 400", len(products))
		}
		fsys, err := app.NewFilesystem()
		if err != nil {
			t.Fatal(err)
		}
		defer fsys.Close()

		stallCategories := map[string][]string{}
		soldOut, inactive := 0, 0
		for _, p := range products {
			price := p.GetFloat("price")
			if price <= 0 || price != float64(int64(price)) || int64(price)%500 != 0 {
				t.Errorf("%s: price %v, want a positive multiple of Rp500", p.GetString("name"), price)
			}
			image := p.GetString("image")
			if image == "" {
				t.Errorf("%s has no image", p.GetString("name"))
			} else if ok, err := fsys.Exists(p.BaseFilesPath() + "/" + image); !ok || err != nil {
				t.Errorf("%s: image %s not stored (%v)", p.GetString("name"), image, err)
			}
			stallID := p.GetString("stall")
			if _, ok := stallCategories[stallID]; !ok {
				s, err := app.FindRecordById("stalls", stallID)
				if err != nil {
					t.Fatal(err)
				}
				stallCategories[stallID] = s.GetStringSlice("categories")
			}
			if !contains(stallCategories[stallID], p.GetString("category")) {
				t.Errorf("%s: category is not one of its stall's", p.GetString("name"))
			}
			if p.GetInt("stock") == 0 {
				soldOut++
			}
			if !p.GetBool("active") {
				inactive++
			}
		}
		if soldOut == 0 || inactive == 0 || soldOut > len(products)/10 || inactive > len(products)/10 {
			t.Errorf("%d sold out and %d inactive products, want a few of each", soldOut, inactive)
		}
	})

	t.Run("accounts sign in", func(t *testing.T) {
		for _, a := range DemoAccounts {
			var r *core.Record
			var err error
			if a.Collection == "buyers" {
				r, err = app.FindFirstRecordByData("buyers", "nip", a.NIP)
			} else {
				r, err = app.FindAuthRecordByEmail(a.Collection, a.Email)
			}
			if err != nil {
				t.Errorf("%s %s: %v", a.Collection, a.Identity(), err)
				continue
			}
			if !r.ValidatePassword(DemoPassword) || !r.Verified() || r.GetString("name") != a.Name {
				t.Errorf("%s %s: password ok %v, verified %v, name %q",
					a.Collection, a.Identity(), r.ValidatePassword(DemoPassword), r.Verified(), r.GetString("name"))
			}
		}
		// the stall owners share the hash; check one
		owner, err := app.FindAuthRecordByEmail("sellers", "strudel-apel-batu@malpro.test")
		if err != nil || !owner.ValidatePassword(DemoPassword) {
			t.Errorf("stall owner account: %v", err)
		}
	})

	t.Run("demo sellers' stalls", func(t *testing.T) {
		checks := []struct {
			slug, name string
			kecamatan  []string
			sellers    map[string]string // email → role
		}{
			{SananStallSlug, "Keripik Tempe Sanan", []string{"blimbing"},
				map[string]string{"keripik.sanan@malpro.test": "owner", "sanan.helper@malpro.test": "helper"}},
			{DampitStallSlug, "Kopi Dampit", []string{"kedungkandang", "sukun"},
				map[string]string{"kopi.dampit@malpro.test": "owner"}},
		}
		food, err := app.FindFirstRecordByData("categories", "slug", "makanan-minuman")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range checks {
			s, err := app.FindFirstRecordByData("stalls", "slug", c.slug)
			if err != nil {
				t.Fatalf("stall %s: %v", c.slug, err)
			}
			if s.GetString("name") != c.name || !contains(c.kecamatan, s.GetString("kecamatan")) ||
				s.GetString("verification") != "verified" || !s.GetBool("is_open") ||
				!contains(s.GetStringSlice("categories"), food.Id) {
				t.Errorf("stall %s stored as %v", c.slug, s.FieldsData())
			}
			sellers, err := app.FindAllRecords("sellers", dbx.HashExp{"stall": s.Id})
			if err != nil {
				t.Fatal(err)
			}
			if len(sellers) != len(c.sellers) {
				t.Errorf("stall %s has %d sellers, want %d", c.slug, len(sellers), len(c.sellers))
			}
			for _, seller := range sellers {
				if role, ok := c.sellers[seller.Email()]; !ok || seller.GetString("role") != role {
					t.Errorf("stall %s: unexpected seller %s (%s)", c.slug, seller.Email(), seller.GetString("role"))
				}
			}
			products, err := app.FindAllRecords("products", dbx.HashExp{"stall": s.Id})
			if err != nil {
				t.Fatal(err)
			}
			if len(products) != 10 {
				t.Errorf("stall %s has %d products, want 10", c.slug, len(products))
			}
		}
	})

	t.Run("second call changes nothing", func(t *testing.T) {
		collections := []string{"categories", "opds", "stalls", "products", "admins", "buyers", "sellers"}
		before := map[string]int{}
		for _, c := range collections {
			before[c] = count(t, app, c)
		}
		started := time.Now()
		if err := LoadDemo(app); err != nil {
			t.Fatalf("second LoadDemo: %v", err)
		}
		took := time.Since(started)
		t.Logf("second call: %v; rows %v", took, before)
		if took > 50*time.Millisecond {
			t.Errorf("second call took %v, want < 50 ms", took)
		}
		for _, c := range collections {
			if n := count(t, app, c); n != before[c] {
				t.Errorf("%s: %d rows after the second call, %d before", c, n, before[c])
			}
		}
	})
}

// The marker, not the demo rows, decides: deleting the demo admin must not
// make the next start load again.
func TestLoadDemoOnceEvenAfterEdits(t *testing.T) {
	app := testutil.NewApp(t, nil)
	if err := LoadDemo(app); err != nil {
		t.Fatal(err)
	}
	admin, err := app.FindAuthRecordByEmail("admins", "admin@malpro.test")
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(admin); err != nil {
		t.Fatal(err)
	}
	if err := LoadDemo(app); err != nil {
		t.Fatalf("LoadDemo after deleting the admin: %v", err)
	}
	if n := count(t, app, "admins"); n != 0 {
		t.Errorf("%d admins, want 0 (not loaded again)", n)
	}
}

func TestPlanIsDeterministic(t *testing.T) {
	if !reflect.DeepEqual(planStalls(), planStalls()) {
		t.Fatal("two plans differ")
	}
	job := imageJob{"kriya", "Topeng Malangan Panji", 0}
	a, err := drawPictures([]imageJob{job}).get(0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := drawPictures([]imageJob{job}).get(0)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatal("two drawings of one picture differ")
	}
}

func TestPlanFollowsTheSharedRules(t *testing.T) {
	plans := planStalls()
	nibs, stallPhones, slugs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range plans {
		if nib, err := domain.ParseNIB(s.nib); err != nil || nib != s.nib {
			t.Errorf("stall %s: NIB %q: %v", s.slug, s.nib, err)
		}
		if phone, err := domain.NormalizePhone(s.phone); err != nil || phone != s.phone {
			t.Errorf("stall %s: phone %q: %v", s.slug, s.phone, err)
		}
		if nibs[s.nib] || stallPhones[s.phone] || slugs[s.slug] {
			t.Errorf("stall %s: NIB, phone or slug repeated", s.slug)
		}
		nibs[s.nib], stallPhones[s.phone], slugs[s.slug] = true, true, true
		if slugify(s.slug) != s.slug {
			t.Errorf("stall slug %q is not lowercase-hyphen", s.slug)
		}
		if len(s.products) < 8 || len(s.products) > 12 {
			t.Errorf("stall %s (catalog %q) has %d products", s.slug, s.catalog, len(s.products))
		}
	}

	accountPhones := map[string]bool{}
	for _, a := range slices.Concat(DemoAccounts, stallOwners(plans)) {
		if a.Phone == "" && a.Collection == "admins" {
			continue // admins have no phone field
		}
		if phone, err := domain.NormalizePhone(a.Phone); err != nil || phone != a.Phone {
			t.Errorf("account %s: phone %q: %v", a.Identity(), a.Phone, err)
		}
		if accountPhones[a.Phone] {
			t.Errorf("account %s: phone %s repeated", a.Identity(), a.Phone)
		}
		accountPhones[a.Phone] = true
		if a.Collection == "buyers" {
			if _, err := domain.ParseNIP(a.NIP); err != nil {
				t.Errorf("buyer NIP %s: %v", a.NIP, err)
			}
		}
	}
}

func count(t *testing.T, app core.App, collection string) int {
	t.Helper()
	n, err := app.CountRecords(collection)
	if err != nil {
		t.Fatalf("count %s: %v", collection, err)
	}
	return int(n)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
