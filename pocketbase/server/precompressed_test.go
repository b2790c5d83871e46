package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"malpro/testutil"
)

const (
	compressedShell = "<!doctype html><html lang=\"id\"><title>Malpro compressed shell</title></html>"
	// Go cannot write brotli; the server only hands the copy over, so any
	// bytes tell which file went out
	brShellMarker = "BROTLI-COPY-OF-THE-SHELL"
	brAppMarker   = "BROTLI-COPY-OF-APP-JS"
)

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// writeBuiltPublicDir is a public folder as the build leaves it: text files
// with .br and .gz copies beside them, and one copy left over from an older
// build.
func writeBuiltPublicDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                     compressedShell,
		"index.html.br":                  brShellMarker,
		"index.html.gz":                  gzipped(t, compressedShell),
		"_app/immutable/entry/app.js":    "console.log('app')",
		"_app/immutable/entry/app.js.br": brAppMarker,
		"_app/immutable/entry/app.js.gz": gzipped(t, "console.log('app')"),
		"service-worker.js":              "self.fresh=1",
		"service-worker.js.br":           "BROTLI-COPY-OF-AN-OLDER-WORKER",
		"icon-192.png":                   "\x89PNG fake",
	}
	writeFiles(t, dir, files)
	// one build wrote them all; the worker was rebuilt an hour after its copy
	built := time.Now().Add(-time.Minute)
	for name := range files {
		when := built
		if name == "service-worker.js.br" {
			when = built.Add(-time.Hour)
		}
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), when, when); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServePrecompressed(t *testing.T) {
	public := writeBuiltPublicDir(t)
	cfg := Config{Mode: ModeDemo, RateLimit: false, PublicDir: public}
	factory := func(t testing.TB) *tests.TestApp {
		return testutil.NewApp(t, func(app core.App) { Register(app, nil, cfg) })
	}

	type header struct{ name, want string }
	headers := func(want ...header) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			for _, h := range want {
				got := strings.Join(res.Header.Values(h.name), ", ")
				if h.want == "" && got != "" || !strings.Contains(got, h.want) {
					t.Fatalf("%s = %q, want %q", h.name, got, h.want)
				}
			}
		}
	}
	gunzipsTo := func(want string, more ...header) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			headers(more...)(t, app, res)
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil || string(got) != want {
				t.Fatalf("gunzipped body = %q (%v), want %q", got, err, want)
			}
		}
	}
	browser := map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd"}

	scenarios := []tests.ApiScenario{
		{Name: "a browser gets the shell's brotli copy", Method: http.MethodGet, URL: "/", Headers: browser,
			ExpectedStatus: 200, ExpectedContent: []string{brShellMarker},
			AfterTestFunc: headers(header{"Content-Encoding", "br"}, header{"Content-Type", "text/html"},
				header{"Vary", "Accept-Encoding"}, header{"Cache-Control", "no-cache"},
				header{"Content-Length", "24"})},
		{Name: "a client without brotli gets the gzip copy", Method: http.MethodGet, URL: "/",
			Headers:        map[string]string{"Accept-Encoding": "gzip"},
			ExpectedStatus: 200, ExpectedContent: []string{"\x1f\x8b"},
			AfterTestFunc: gunzipsTo(compressedShell, header{"Content-Encoding", "gzip"}, header{"Content-Type", "text/html"})},
		{Name: "brotli refused with q=0 falls to gzip", Method: http.MethodGet, URL: "/",
			Headers:        map[string]string{"Accept-Encoding": "br;q=0, gzip;q=0.5"},
			ExpectedStatus: 200, ExpectedContent: []string{"\x1f\x8b"},
			AfterTestFunc: gunzipsTo(compressedShell, header{"Content-Encoding", "gzip"})},
		{Name: "no Accept-Encoding gets the file as it is, still varying", Method: http.MethodGet, URL: "/",
			ExpectedStatus: 200, ExpectedContent: []string{compressedShell},
			AfterTestFunc: headers(header{"Content-Encoding", ""}, header{"Vary", "Accept-Encoding"})},
		{Name: "identity only gets the file as it is", Method: http.MethodGet, URL: "/",
			Headers:        map[string]string{"Accept-Encoding": "identity, *;q=0"},
			ExpectedStatus: 200, ExpectedContent: []string{compressedShell},
			AfterTestFunc: headers(header{"Content-Encoding", ""})},
		{Name: "a deep page route gets the shell's brotli copy", Method: http.MethodGet, URL: "/toko/abc123", Headers: browser,
			ExpectedStatus: 200, ExpectedContent: []string{brShellMarker},
			AfterTestFunc: headers(header{"Content-Encoding", "br"}, header{"Content-Type", "text/html"},
				header{"Cache-Control", "no-cache"})},
		{Name: "a hashed asset's copy keeps its type and stays immutable", Method: http.MethodGet,
			URL: "/_app/immutable/entry/app.js", Headers: browser,
			ExpectedStatus: 200, ExpectedContent: []string{brAppMarker},
			AfterTestFunc: headers(header{"Content-Encoding", "br"}, header{"Content-Type", "text/javascript"},
				header{"Cache-Control", "immutable"})},
		{Name: "an unchanged hashed copy still answers 304", Method: http.MethodGet,
			URL:            "/_app/immutable/entry/app.js",
			Headers:        map[string]string{"Accept-Encoding": "br", "If-Modified-Since": "Wed, 01 Jan 2099 00:00:00 GMT"},
			ExpectedStatus: 304},
		{Name: "a range request gets the whole copy", Method: http.MethodGet,
			URL:            "/_app/immutable/entry/app.js",
			Headers:        map[string]string{"Accept-Encoding": "br", "Range": "bytes=0-3"},
			ExpectedStatus: 200, ExpectedContent: []string{brAppMarker},
			AfterTestFunc: headers(header{"Content-Encoding", "br"}, header{"Content-Length", "21"})},
		{Name: "HEAD tells the copy's encoding and sends no body", Method: http.MethodHead,
			URL: "/_app/immutable/entry/app.js", Headers: browser,
			ExpectedStatus: 200,
			AfterTestFunc:  headers(header{"Content-Encoding", "br"}, header{"Content-Length", "21"})},
		{Name: "a copy older than its file is never served", Method: http.MethodGet, URL: "/service-worker.js", Headers: browser,
			ExpectedStatus: 200, ExpectedContent: []string{"self.fresh=1"},
			NotExpectedContent: []string{"OLDER-WORKER"},
			AfterTestFunc:      headers(header{"Content-Encoding", ""}, header{"Cache-Control", "no-cache"})},
		{Name: "a file without copies does not vary", Method: http.MethodGet, URL: "/icon-192.png", Headers: browser,
			ExpectedStatus: 200, ExpectedContent: []string{"PNG fake"},
			AfterTestFunc: func(t testing.TB, _ *tests.TestApp, res *http.Response) {
				if strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Encoding") ||
					res.Header.Get("Content-Encoding") != "" {
					t.Fatalf("png: Vary %q, Content-Encoding %q", res.Header.Values("Vary"), res.Header.Get("Content-Encoding"))
				}
			}},
		{Name: "/index.html still redirects to /", Method: http.MethodGet, URL: "/index.html", Headers: browser,
			ExpectedStatus: 301},
		{Name: "a missing asset is still 404, never a copy of the shell", Method: http.MethodGet, URL: "/_app/x.js", Headers: browser,
			ExpectedStatus: 404, NotExpectedContent: []string{brShellMarker}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Test(t)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	cases := []struct {
		header, encoding string
		want             bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate, br, zstd", "gzip", true},
		{"gzip", "br", false},
		{"", "gzip", false},
		{"BR", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.0, gzip", "br", false},
		{"br;q=0.1", "br", true},
		{"*", "br", true},
		{"*;q=0", "gzip", false},
		{"*, br;q=0", "br", false},
		{"br;q=0, *", "br", false},
		{"*;q=0, gzip", "gzip", true},
		{"identity", "gzip", false},
		{"br;q=oops", "br", true},
	}
	for _, c := range cases {
		if got := acceptsEncoding(c.header, c.encoding); got != c.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", c.header, c.encoding, got, c.want)
		}
	}
}
