package hooks

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// registerHealth adds /api/malpro/info, a small public description of this
// server that the app and the tests read (PocketBase keeps /api/health).
func registerHealth(app core.App) {
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.GET("/api/malpro/info", func(re *core.RequestEvent) error {
			return re.JSON(http.StatusOK, map[string]any{
				"name": "malpro",
				"mode": appMode(re.App),
			})
		})
		return e.Next()
	})
}

// StoreKeyMode is where the server keeps its run mode ("demo" or "production").
const StoreKeyMode = "malpro.mode"

func appMode(app core.App) string {
	if v, ok := app.Store().Get(StoreKeyMode).(string); ok {
		return v
	}
	return "demo"
}
