package server

import (
	"net/http"
	"regexp"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// gzipPaths are the JSON answers worth compressing: record lists and views
// (the catalog pull reads megabytes of them on a phone's mobile data) and
// /api/catalog/*. Nothing else: not the realtime stream (an SSE answer must
// reach the phone event by event), not files and thumbnails (already
// compressed images), not the app's static files (the build writes their
// compressed copies once: precompressed.go), not POSTs.
var gzipPaths = regexp.MustCompile(`^/api/(collections/[^/]+/records(/[^/]+)?|catalog/[^/]+)$`)

// gzipMinLength: below it, gzip's header and trailer outweigh what it saves
// (the middleware buffers that much before it decides).
const gzipMinLength = 1024

// registerGzip compresses the answers of gzipPaths for clients that accept it.
func registerGzip(app core.App) {
	gzip := apis.GzipWithConfig(apis.GzipConfig{MinLength: gzipMinLength})
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id: "malproGzip",
			Func: func(re *core.RequestEvent) error {
				if !gzipWanted(re.Request.Method, re.Request.URL.Path) {
					return re.Next()
				}
				return gzip.Func(re)
			},
			// after PocketBase's own middlewares (rate limit, auth, body limit:
			// priorities around -1000), before the route's handler
			Priority: 0,
		})
		return e.Next()
	})
}

// gzipWanted tells the requests whose answers are compressed.
func gzipWanted(method, urlPath string) bool {
	return method == http.MethodGet && gzipPaths.MatchString(urlPath)
}
