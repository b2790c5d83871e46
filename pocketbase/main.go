// Command malpro is the Malpro server: PocketBase built from its Go module with
// this project's migrations, hooks and demo data.
package main

import (
	"log"
	"os"

	"github.com/pocketbase/pocketbase"

	_ "malpro/migrations"
	"malpro/server"
)

func main() {
	cfg, err := server.ConfigFromEnv(os.Getenv)
	if err != nil {
		log.Fatal(err)
	}

	app := pocketbase.NewWithConfig(pocketbase.Config{
		DefaultDataDir: server.DefaultDataDir(),
	})

	server.Register(app, app.RootCmd, cfg)

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
