package hooks

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

// registerValidation checks identifiers with the same rules as the app
// (tests/vectors) and normalizes what people type, on every save.
func registerValidation(app core.App) {
	app.OnRecordValidate("buyers").BindFunc(func(e *core.RecordEvent) error {
		errs := validation.Errors{}
		if nip, err := domain.ParseNIP(e.Record.GetString("nip")); err != nil {
			errs["nip"] = fieldError(err)
		} else {
			e.Record.Set("nip", nip.Value)
		}
		normalizeOptionalPhone(e.Record, errs)
		return orNext(e, errs)
	})

	app.OnRecordValidate("sellers").BindFunc(func(e *core.RecordEvent) error {
		errs := validation.Errors{}
		normalizeRequiredPhone(e.Record, errs)
		return orNext(e, errs)
	})

	// a product sits in one of its stall's categories (what the catalog filters by)
	app.OnRecordValidate("products").BindFunc(func(e *core.RecordEvent) error {
		stall, err := e.App.FindRecordById("stalls", e.Record.GetString("stall"))
		if err == nil && !slices.Contains(stall.GetStringSlice("categories"), e.Record.GetString("category")) {
			return validation.Errors{"category": validation.NewError("validation_category_not_of_stall",
				"choose one of the stall's categories")}
		}
		return e.Next()
	})

	app.OnRecordValidate("stalls").BindFunc(func(e *core.RecordEvent) error {
		errs := validation.Errors{}
		if nib, err := domain.ParseNIB(e.Record.GetString("nib")); err != nil {
			errs["nib"] = fieldError(err)
		} else {
			e.Record.Set("nib", nib)
		}
		normalizeRequiredPhone(e.Record, errs)
		if err := checkHours(e.Record.Get("hours")); err != nil {
			errs["hours"] = err
		}
		return orNext(e, errs)
	})
}

func orNext(e *core.RecordEvent, errs validation.Errors) error {
	if len(errs) > 0 {
		return errs
	}
	return e.Next()
}

func fieldError(err error) validation.Error {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return validation.NewError("validation_"+ve.Code, ve.Message)
	}
	return validation.NewError("validation_invalid", err.Error())
}

func normalizeRequiredPhone(r *core.Record, errs validation.Errors) {
	phone, err := domain.NormalizePhone(r.GetString("phone"))
	if err != nil {
		errs["phone"] = fieldError(err)
		return
	}
	r.Set("phone", phone)
}

func normalizeOptionalPhone(r *core.Record, errs validation.Errors) {
	if r.GetString("phone") == "" {
		return
	}
	normalizeRequiredPhone(r, errs)
}

var clock = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// OpeningHours is a stall's week: open and close as HH:MM (WIB), days 1=Mon..7=Sun.
type OpeningHours struct {
	Open  string `json:"open"`
	Close string `json:"close"`
	Days  []int  `json:"days"`
}

func checkHours(raw any) error {
	b, err := json.Marshal(raw)
	if err != nil || string(b) == "null" || string(b) == `""` {
		return nil // optional
	}
	var h OpeningHours
	if err := json.Unmarshal(b, &h); err != nil {
		return validation.NewError("validation_hours", `use {"open":"08:00","close":"17:00","days":[1,2,3,4,5]}`)
	}
	if !clock.MatchString(h.Open) || !clock.MatchString(h.Close) || h.Open >= h.Close {
		return validation.NewError("validation_hours", "open and close are HH:MM with open before close")
	}
	seen := map[int]bool{}
	for _, d := range h.Days {
		if d < 1 || d > 7 || seen[d] {
			return validation.NewError("validation_hours", "days are distinct numbers 1 (Monday) to 7 (Sunday)")
		}
		seen[d] = true
	}
	return nil
}
