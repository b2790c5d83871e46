// Package hooks holds Malpro's business rules as PocketBase hooks and routes.
package hooks

import "github.com/pocketbase/pocketbase/core"

// Register binds every Malpro hook and route to the app.
func Register(app core.App) {
	registerHealth(app)
	registerValidation(app)
	registerSortName(app)
	registerPrivacy(app)
	registerTombstones(app)
	registerCatalogVersion(app)
	registerFirstScreen(app)
	registerSyncPush(app)
	registerOrderTimers(app)
}
