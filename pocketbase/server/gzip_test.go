package server

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"malpro/testutil"
)

func TestGzipWanted(t *testing.T) {
	for _, c := range []struct {
		method, path string
		want         bool
	}{
		{"GET", "/api/collections/products/records", true},
		{"GET", "/api/collections/products/records/prodkripik00001", true},
		{"GET", "/api/catalog/version", true},
		{"GET", "/api/realtime", false},
		{"POST", "/api/realtime", false},
		{"POST", "/api/sync/push", false},
		{"POST", "/api/collections/products/records", false},
		{"PATCH", "/api/collections/products/records/prodkripik00001", false},
		{"HEAD", "/api/collections/products/records", false},
		{"GET", "/api/files/products/prodkripik00001/foto.jpg", false},
		{"GET", "/api/files/products/prodkripik00001/foto.jpg?thumb=160x160", false},
		{"GET", "/api/health", false},
		{"GET", "/", false},
		{"GET", "/_app/immutable/entry/app.js", false},
		{"GET", "/_/", false},
	} {
		path, _, _ := strings.Cut(c.path, "?")
		if got := gzipWanted(c.method, path); got != c.want {
			t.Errorf("gzipWanted(%s %s) = %v, want %v", c.method, c.path, got, c.want)
		}
	}
}

func TestGzipCompressesRecordListsButNotRealtime(t *testing.T) {
	cfg := Config{Mode: ModeDemo, RateLimit: false, PublicDir: writePublicDir(t)}
	app := testutil.NewApp(t, func(app core.App) { Register(app, nil, cfg) })
	testutil.NewWorld(t, app)
	products, err := app.FindCollectionByNameOrId("products")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ { // enough rows to pass the minimum length
		p := core.NewRecord(products)
		p.Set("stall", testutil.StallX)
		p.Set("category", testutil.CategoryID)
		p.Set("name", fmt.Sprintf("Keripik Tempe Rasa %d", i))
		p.Set("unit", "pack")
		p.Set("price", 15000+i)
		p.Set("stock", 10)
		p.Set("active", true)
		if err := app.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	srv := testutil.Serve(t, app)
	// Go's transport would ask for gzip itself and hide the encoding: not here
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}
	get := func(path string, gz bool) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if gz {
			req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}

	// a catalog page, as the pull asks for it
	list := "/api/collections/products/records?perPage=500&skipTotal=1&sort=updated,id"
	res := get(list, true)
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("list with gzip accepted: %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("Vary = %q: a cache could serve gzip to a client that cannot read it", res.Header.Get("Vary"))
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.NewDecoder(zr).Decode(&body); err != nil || len(body.Items) != 24 {
		t.Fatalf("gunzipped list: %v, %d items", err, len(body.Items))
	}

	// a client that does not accept gzip gets plain JSON
	if res := get(list, false); res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" {
		t.Fatalf("list without gzip: %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}

	// the realtime stream is neither compressed nor buffered: its first event
	// arrives while the connection stays open
	rt := get("/api/realtime", true)
	if rt.StatusCode != 200 || rt.Header.Get("Content-Encoding") != "" ||
		!strings.HasPrefix(rt.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("realtime: %d, Content-Encoding %q, Content-Type %q",
			rt.StatusCode, rt.Header.Get("Content-Encoding"), rt.Header.Get("Content-Type"))
	}
	first := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(rt.Body).ReadString('\n')
		first <- line
	}()
	select {
	case line := <-first:
		if !strings.HasPrefix(line, "id:") && !strings.HasPrefix(line, "event:") {
			t.Fatalf("realtime's first line is not an event: %q", line)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("realtime's first event never came (buffered?)")
	}

	// the app's files are never compressed on the fly (these have no copies)
	page := get("/", true)
	raw, _ := io.ReadAll(page.Body)
	if page.Header.Get("Content-Encoding") != "" || !strings.Contains(string(raw), "Malpro shell") {
		t.Fatalf("SPA shell: Content-Encoding %q, %q", page.Header.Get("Content-Encoding"), raw)
	}
}
