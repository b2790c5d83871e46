package hooks

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cast"
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
	// side channel (guessing a phone number one digit at a time). That holds
	// in every collection, since a relation path reaches them from anywhere
	// (products: stall.phone; stalls: sellers_via_stall.ktp), and in realtime
	// subscriptions, whose filters never pass through a list request.
	app.OnRecordsListRequest().BindFunc(func(e *core.RecordsListRequestEvent) error {
		q := e.Request.URL.Query()
		if !isAdmin(e.Auth) && (reachesPrivate(e.Collection.Name, q.Get("filter")) || reachesPrivate(e.Collection.Name, q.Get("sort"))) {
			return e.BadRequestError("Filter atau urutan ini tidak diizinkan.", nil)
		}
		return e.Next()
	})
	app.OnRealtimeSubscribeRequest().BindFunc(func(e *core.RealtimeSubscribeRequestEvent) error {
		if isAdmin(e.Auth) {
			return e.Next()
		}
		for _, sub := range e.Subscriptions {
			u, err := url.Parse(sub)
			if err != nil {
				return e.BadRequestError("", err)
			}
			var options struct {
				Query map[string]any `json:"query"`
			}
			if raw := u.Query().Get("options"); raw != "" {
				_ = json.Unmarshal([]byte(raw), &options) // as PocketBase reads it
			}
			topic, _, _ := strings.Cut(u.Path, "/")
			collection := topic
			if c, err := e.App.FindCachedCollectionByNameOrId(topic); err == nil {
				collection = c.Name
			}
			for _, key := range []string{"filter", "sort"} {
				if reachesPrivate(collection, cast.ToString(options.Query[key])) {
					return e.BadRequestError("Filter atau urutan ini tidak diizinkan.", nil)
				}
			}
		}
		return e.Next()
	})
}

var (
	quotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)
	identifier = regexp.MustCompile(`[@\w][\w.:@]*`)
)

// reachesPrivate tells whether a filter or sort expression of collection
// names a private field: one of its own, or any through a relation path.
func reachesPrivate(collection, expr string) bool {
	expr = quotedText.ReplaceAllString(expr, `""`)
	for _, id := range identifier.FindAllString(expr, -1) {
		for i, segment := range strings.Split(id, ".") {
			segment, _, _ = strings.Cut(segment, ":") // a modifier: phone:lower
			if i == 0 && slices.Contains(privateFields[collection], segment) {
				return true
			}
			if i > 0 && isPrivateName(segment) {
				return true
			}
		}
	}
	return false
}

func isPrivateName(field string) bool {
	for _, fields := range privateFields {
		if slices.Contains(fields, field) {
			return true
		}
	}
	return false
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
