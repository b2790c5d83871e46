package server

import (
	"fmt"
	"net/http"
	"os"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/spf13/cobra"

	"malpro/hooks"
	"malpro/seed"
)

// Register attaches Malpro to a PocketBase app. rootCmd may be nil in tests.
func Register(app core.App, rootCmd *cobra.Command, cfg Config) {
	// Go migrations only; no automigrate (collections change through code review).
	migratecmd.MustRegister(app, rootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangGo,
		Automigrate:  false,
	})

	if rootCmd != nil {
		rootCmd.AddCommand(seed.NewLargeCommand(app)) // `malpro seed-large` (npm run seed:large)
	}

	app.Store().Set(hooks.StoreKeyMode, string(cfg.Mode))
	hooks.Register(app)
	registerGzip(app)

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "malproPrepare",
		Func: func(e *core.ServeEvent) error {
			// Never open a browser for PocketBase's installer: a superuser
			// always exists (demo) or the operator made one (production).
			e.InstallerFunc = nil

			if err := ensureSuperuser(e.App, cfg.Mode); err != nil {
				return err
			}
			if err := applyRateLimit(e.App, cfg.RateLimit); err != nil {
				return err
			}
			if cfg.DemoData {
				if err := seed.LoadDemo(e.App); err != nil {
					return fmt.Errorf("loading the demo data: %w", err)
				}
			}
			return e.Next()
		},
		Priority: -100,
	})

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "malproPWA",
		Func: func(e *core.ServeEvent) error {
			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				// the app's files are not worth a line each in the request log
				// (apis.Static skips it too; the compressed copies bypass Static)
				e.Router.GET("/{path...}", spaHandler(os.DirFS(cfg.PublicDir))).
					Bind(apis.SkipSuccessActivityLog())
			}
			return e.Next()
		},
		Priority: 999, // after every other route
	})
}
