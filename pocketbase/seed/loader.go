package seed

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
)

// loader writes the plan inside the load's transaction; app is the
// transaction's app (using the outer app here would deadlock on SQLite).
type loader struct {
	app core.App
	ids map[string]map[string]string // collection → key (slug, code) → record id

	// passwordHash is bcrypt("malpro123"), computed once: a hash takes
	// ~60 ms, and the demo has ~50 accounts sharing one public password.
	passwordHash string
}

func (l *loader) load(plans []stallPlan, pictures *pictures) (int, error) {
	for i, c := range categories {
		if err := l.create("categories", c.slug, map[string]any{
			"slug": c.slug, "name": c.name, "name_en": c.nameEN, "sort": i + 1, "active": true,
		}); err != nil {
			return 0, err
		}
	}
	for _, o := range opds {
		if err := l.create("opds", o.code, map[string]any{
			"code": o.code, "name": o.name, "address": o.address, "active": true,
		}); err != nil {
			return 0, err
		}
	}

	products := 0
	for _, s := range plans {
		if err := l.createStall(s); err != nil {
			return 0, err
		}
		for _, p := range s.products {
			picture, err := pictures.get(products)
			if err != nil {
				return 0, fmt.Errorf("drawing the picture of %q: %w", p.name, err)
			}
			if err := l.createProduct(s, p, picture); err != nil {
				return 0, err
			}
			products++
		}
	}

	for _, a := range slices.Concat(DemoAccounts, stallOwners(plans)) {
		if err := l.createAccount(a); err != nil {
			return 0, err
		}
	}
	return products, markLoaded(l.app)
}

func (l *loader) createStall(s stallPlan) error {
	verification := "verified"
	if s.pending {
		verification = "pending"
	}
	return l.create("stalls", s.slug, map[string]any{
		"name": s.name, "slug": s.slug, "owner_name": s.owner, "description": s.description,
		"nib": s.nib, "phone": s.phone, "address": s.address, "kecamatan": s.kecamatan,
		"categories": l.idsOf("categories", s.categories), "hours": s.hours,
		"is_open": !s.closed, "verification": verification,
	})
}

func (l *loader) createProduct(s stallPlan, p productPlan, picture []byte) error {
	// each record gets its own file (PocketBase stores files per record)
	image, err := filesystem.NewFileFromBytes(picture, slugify(p.name)+".png")
	if err != nil {
		return err
	}
	return l.create("products", "", map[string]any{
		"stall": l.ids["stalls"][s.slug], "category": l.ids["categories"][p.category],
		"name": p.name, "description": p.description, "unit": p.unit,
		"price": p.price, "stock": p.stock, "active": p.active, "image": image,
	})
}

func (l *loader) createAccount(a Account) error {
	fields := map[string]any{"name": a.Name, "verified": true}
	switch a.Collection {
	case "admins":
		fields["email"] = a.Email
	case "buyers":
		fields["nip"], fields["phone"], fields["address"], fields["kecamatan"] = a.NIP, a.Phone, a.Address, a.Kecamatan
		fields["opd"], fields["active"] = l.ids["opds"][a.OPD], true
	case "sellers":
		fields["email"], fields["phone"], fields["role"] = a.Email, a.Phone, a.Role
		fields["stall"], fields["active"] = l.ids["stalls"][a.Stall], true
	default:
		return fmt.Errorf("demo account %s: unknown collection %q", a.Identity(), a.Collection)
	}
	return l.createRecord(a.Collection, a.Identity(), fields, l.setPassword)
}

// setPassword hashes DemoPassword for the first account and reuses the hash.
func (l *loader) setPassword(r *core.Record) {
	if l.passwordHash == "" {
		r.SetPassword(DemoPassword)
		if v, ok := r.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue); ok && v.LastError == nil {
			l.passwordHash = v.Hash
		}
		return
	}
	r.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: l.passwordHash})
}

// create saves a record and remembers its id under key (when not empty).
func (l *loader) create(collection, key string, fields map[string]any) error {
	return l.createRecord(collection, key, fields, nil)
}

func (l *loader) createRecord(collection, key string, fields map[string]any, prepare func(*core.Record)) error {
	c, err := l.app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return err
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		r.Set(k, v)
	}
	if prepare != nil {
		prepare(r)
	}
	if err := l.app.Save(r); err != nil {
		name, _ := fields["name"].(string)
		return fmt.Errorf("demo %s %q: %w", collection, name, err)
	}
	if key != "" {
		if l.ids[collection] == nil {
			l.ids[collection] = map[string]string{}
		}
		l.ids[collection][key] = r.Id
	}
	return nil
}

func (l *loader) idsOf(collection string, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = l.ids[collection][k]
	}
	return out
}

// slugify makes a lowercase-hyphen name for files ("Kopi Luwak" → "kopi-luwak").
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
