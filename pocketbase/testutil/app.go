// Package testutil makes PocketBase test apps with Malpro's migrations and
// hooks on an empty temporary data dir (not PocketBase's own fixtures).
package testutil

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	_ "malpro/migrations" // registers the collections
)

// NewApp returns a bootstrapped, migrated test app; register binds the hooks
// under test (e.g. server.Register). The app is cleaned up with the test.
func NewApp(t testing.TB, register func(app core.App)) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatalf("test app: %v", err)
	}
	t.Cleanup(app.Cleanup)
	if register != nil {
		register(app)
	}
	return app
}
