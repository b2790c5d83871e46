package server

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// spaIndex is the page adapter-static writes as the SPA fallback.
const spaIndex = "index.html"

// isPageRoute tells a page route (answered with the SPA shell when missing)
// from an asset request (answered 404 when missing). After a deploy an old tab
// may ask for a chunk that is gone: HTML served as JavaScript would break it.
func isPageRoute(urlPath string) bool {
	p := strings.TrimPrefix(urlPath, "/")
	if p == "" {
		return true
	}
	if p == "_app" || strings.HasPrefix(p, "_app/") || strings.HasPrefix(p, "api/") || p == "api" || strings.HasPrefix(p, "_/") {
		return false
	}
	// a last segment with an extension is a file (x.js, icon.png, manifest.webmanifest)
	return path.Ext(path.Base(p)) == ""
}

// cacheControlFor keeps hashed build assets forever and makes the shell and
// the service worker revalidate, so a deploy reaches devices.
func cacheControlFor(urlPath string) string {
	switch {
	case strings.HasPrefix(urlPath, "/_app/immutable/"):
		return "public, max-age=31536000, immutable"
	case urlPath == "/service-worker.js", urlPath == "/sw.js", strings.HasSuffix(urlPath, ".webmanifest"):
		return "no-cache"
	case isPageRoute(urlPath):
		return "no-cache"
	default:
		return "public, max-age=3600"
	}
}

// staticFileName is the file of the public folder a request names, when it
// names one directly ("/" names the shell). Paths that apis.Static answers
// with a redirect (a trailing slash, "/index.html") are left to it.
func staticFileName(urlPath string) (string, bool) {
	if urlPath == "/" {
		return spaIndex, true
	}
	if strings.HasSuffix(urlPath, "/") || path.Base(urlPath) == spaIndex {
		return "", false
	}
	return strings.TrimPrefix(path.Clean(urlPath), "/"), true
}

// spaHandler serves the built PWA: real files as they are (or their
// compressed copies, precompressed.go), page routes that
// have no file with the SPA shell, and missing assets with 404.
func spaHandler(fsys fs.FS) func(*core.RequestEvent) error {
	static := apis.Static(fsys, false)

	return func(e *core.RequestEvent) error {
		urlPath := e.Request.URL.Path
		cacheControl := cacheControlFor(urlPath)
		e.Response.Header().Set("Cache-Control", cacheControl)
		if cacheControl == "no-cache" {
			// Always the full file: a deploy whose files are older than the ones
			// served before (a rollback, cp -p, rsync -a) would otherwise answer
			// 304 for the worker and the shell, and no phone would ever update.
			e.Request.Header.Del("If-Modified-Since")
			e.Request.Header.Del("If-None-Match")
		}

		if name, ok := staticFileName(urlPath); ok {
			if served, err := servePrecompressed(e, fsys, name); served || err != nil {
				return err
			}
		}
		err := static(e)
		if err == nil || !errors.Is(err, router.ErrFileNotFound) {
			return err
		}
		if !isPageRoute(urlPath) {
			return e.NotFoundError("Berkas tidak ditemukan.", nil)
		}

		e.Response.Header().Set("Cache-Control", "no-cache")
		if served, err := servePrecompressed(e, fsys, spaIndex); served || err != nil {
			return err
		}
		if err := e.FileFS(fsys, spaIndex); err != nil {
			if errors.Is(err, router.ErrFileNotFound) {
				return e.String(http.StatusServiceUnavailable,
					"Aplikasi belum dibangun: jalankan `npm start`.\n")
			}
			return err
		}
		return nil
	}
}
