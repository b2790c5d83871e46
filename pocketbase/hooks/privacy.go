package hooks

import (
	"github.com/pocketbase/pocketbase/core"
)

// registerPrivacy shows hidden personal fields only to those who need them.
// The fields are hidden in the schema (so public responses and filters never
// carry them) and unhidden here per request.
func registerPrivacy(app core.App) {
	// stalls: NIB and phone to the stall's own sellers and the city; the phone
	// also to signed-in buyers (to reach the seller about an order), never to
	// anonymous visitors.
	app.OnRecordEnrich("stalls").BindFunc(func(e *core.RecordEnrichEvent) error {
		auth := authOf(e.RequestInfo)
		switch {
		case isAdmin(auth), isSellerOf(auth, e.Record.Id):
			e.Record.Unhide("nib", "phone")
		case isBuyer(auth):
			e.Record.Unhide("phone")
		}
		return e.Next()
	})

	// sellers: the KTP number to its owner and the city only.
	app.OnRecordEnrich("sellers").BindFunc(func(e *core.RecordEnrichEvent) error {
		auth := authOf(e.RequestInfo)
		if isAdmin(auth) || (auth != nil && auth.Collection().Name == "sellers" && auth.Id == e.Record.Id) {
			e.Record.Unhide("ktp")
		}
		return e.Next()
	})
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
