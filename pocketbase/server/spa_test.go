package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"malpro/testutil"
)

func writePublicDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                  "<!doctype html><html lang=\"id\"><title>Malpro shell</title></html>",
		"_app/immutable/entry/app.js": "console.log('app')",
		"manifest.webmanifest":        "{}",
		"service-worker.js":           "self.x=1",
	}
	writeFiles(t, dir, files)
	return dir
}

// writeFiles writes each file (a slash path under dir) with its body.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestServePWA(t *testing.T) {
	public := writePublicDir(t)
	cfg := Config{Mode: ModeDemo, RateLimit: false, PublicDir: public}
	factory := func(t testing.TB) *tests.TestApp {
		return testutil.NewApp(t, func(app core.App) { Register(app, nil, cfg) })
	}

	headerIs := func(name, want string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			if got := res.Header.Get(name); !strings.Contains(got, want) {
				t.Fatalf("%s = %q, want it to contain %q", name, got, want)
			}
		}
	}

	scenarios := []tests.ApiScenario{
		{Name: "root serves the shell", Method: http.MethodGet, URL: "/",
			ExpectedStatus: 200, ExpectedContent: []string{"Malpro shell"},
			AfterTestFunc: headerIs("Cache-Control", "no-cache")},
		{Name: "deep page route falls back to the shell", Method: http.MethodGet, URL: "/toko/abc123/produk",
			ExpectedStatus: 200, ExpectedContent: []string{"Malpro shell"}},
		{Name: "hashed asset is served immutable", Method: http.MethodGet, URL: "/_app/immutable/entry/app.js",
			ExpectedStatus: 200, ExpectedContent: []string{"console.log"},
			AfterTestFunc: headerIs("Cache-Control", "immutable")},
		{Name: "missing _app asset is 404, never the shell", Method: http.MethodGet, URL: "/_app/x.js",
			ExpectedStatus: 404, NotExpectedContent: []string{"Malpro shell"}},
		{Name: "missing _app path without extension is 404", Method: http.MethodGet, URL: "/_app/immutable/chunks",
			ExpectedStatus: 404, NotExpectedContent: []string{"Malpro shell"}},
		{Name: "missing root file with extension is 404", Method: http.MethodGet, URL: "/icon-999.png",
			ExpectedStatus: 404, NotExpectedContent: []string{"Malpro shell"}},
		{Name: "service worker is never a 304, even for a newer If-Modified-Since", Method: http.MethodGet, URL: "/service-worker.js",
			Headers:        map[string]string{"If-Modified-Since": "Wed, 01 Jan 2099 00:00:00 GMT"},
			ExpectedStatus: 200, ExpectedContent: []string{"self.x"}},
		{Name: "hashed assets still answer 304 when unchanged", Method: http.MethodGet, URL: "/_app/immutable/entry/app.js",
			Headers:        map[string]string{"If-Modified-Since": "Wed, 01 Jan 2099 00:00:00 GMT"},
			ExpectedStatus: 304},
		{Name: "service worker revalidates", Method: http.MethodGet, URL: "/service-worker.js",
			ExpectedStatus: 200, ExpectedContent: []string{"self.x"}, AfterTestFunc: headerIs("Cache-Control", "no-cache")},
		{Name: "unknown api route is a JSON 404, not the shell", Method: http.MethodGet, URL: "/api/nothing-here",
			ExpectedStatus: 404, NotExpectedContent: []string{"Malpro shell"}},
		{Name: "health answers", Method: http.MethodGet, URL: "/api/health",
			ExpectedStatus: 200, ExpectedContent: []string{`"code":200`}},
		{Name: "info tells the mode", Method: http.MethodGet, URL: "/api/malpro/info",
			ExpectedStatus: 200, ExpectedContent: []string{`"mode":"demo"`}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Test(t)
	}
}

func TestIsPageRoute(t *testing.T) {
	cases := map[string]bool{
		"/": true, "/masuk": true, "/toko/x/produk": true, "/v1.2/x": true,
		"/_app/x.js": false, "/_app": false, "/api/x": false, "/favicon.ico": false, "/_/": false,
	}
	for p, want := range cases {
		if got := isPageRoute(p); got != want {
			t.Errorf("isPageRoute(%q) = %v, want %v", p, got, want)
		}
	}
}
