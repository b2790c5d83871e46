package hooks

import (
	"net/url"
	"regexp"

	"github.com/pocketbase/pocketbase/core"
)

// Personal fields are hidden per request from those who may not see them. They
// are not Hidden in the schema because PocketBase then refuses their writes by
// anyone but superusers (admins and sellers must be able to set them).
var privateFields = map[string][]string{
	"stalls":  {"nib", "phone"},
	"sellers": {"ktp"},
}

func registerPrivacy(app core.App) {
	// stalls: NIB and phone to the stall's own sellers and the city; the phone
	// also to signed-in buyers (to reach the seller about an order), never to
	// anonymous visitors.
	app.OnRecordEnrich("stalls").BindFunc(func(e *core.RecordEnrichEvent) error {
		auth := authOf(e.RequestInfo)
		switch {
		case isAdmin(auth), isSellerOf(auth, e.Record.Id):
		case isBuyer(auth):
			e.Record.Hide("nib")
		default:
			e.Record.Hide("nib", "phone")
		}
		return e.Next()
	})

	// sellers: the KTP number to its owner and the city only.
	app.OnRecordEnrich("sellers").BindFunc(func(e *core.RecordEnrichEvent) error {
		auth := authOf(e.RequestInfo)
		if !isAdmin(auth) && (auth == nil || auth.Collection().Name != "sellers" || auth.Id != e.Record.Id) {
			e.Record.Hide("ktp")
		}
		return e.Next()
	})

	// Nobody but the city filters or sorts by private fields: a filter is a
	// side channel (guessing a phone number one digit at a time).
	for collection, fields := range privateFields {
		pattern := regexp.MustCompile(`\b(` + join(fields) + `)\b`)
		app.OnRecordsListRequest(collection).BindFunc(func(e *core.RecordsListRequestEvent) error {
			if !isAdmin(e.Auth) && mentions(e.Request.URL.Query(), pattern) {
				return e.BadRequestError("Filter atau urutan ini tidak diizinkan.", nil)
			}
			return e.Next()
		})
	}
}

func join(fields []string) string {
	out := ""
	for i, f := range fields {
		if i > 0 {
			out += "|"
		}
		out += regexp.QuoteMeta(f)
	}
	return out
}

func mentions(q url.Values, pattern *regexp.Regexp) bool {
	return pattern.MatchString(q.Get("filter")) || pattern.MatchString(q.Get("sort"))
}

func authOf(info *core.RequestInfo) *core.Record {
	if info == nil {
		return nil
	}
	return info.Auth
}

func isAdmin(auth *core.Record) bool {
	return auth != nil && (auth.IsSuperuser() || auth.Collection().Name == "admins")
}

func isBuyer(auth *core.Record) bool {
	return auth != nil && auth.Collection().Name == "buyers"
}

// isSellerOf tells whether auth is a seller user of the stall stallID.
func isSellerOf(auth *core.Record, stallID string) bool {
	return auth != nil && auth.Collection().Name == "sellers" && auth.GetString("stall") == stallID
}
