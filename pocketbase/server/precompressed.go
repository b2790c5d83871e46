package server

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// precompressedCopies are the compressed copies the build writes next to each
// text file of the app (adapter-static's precompress: x.js.br, x.js.gz), best
// first. Serving them costs the server nothing per request, and a phone on weak
// mobile data fetches a third of the bytes (a first visit's page and scripts:
// 217 KB as files, 73 KB as sent; docs/startup.md).
var precompressedCopies = []struct{ encoding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// servePrecompressed answers name (a file of fsys) with its compressed copy
// when the client accepts that encoding and the copy is there and not older
// than the file. It reports whether it answered; when it did not, the caller
// serves the file as it is. A file that has copies always varies on
// Accept-Encoding, whichever form is sent, so a shared cache keeps them apart.
func servePrecompressed(e *core.RequestEvent, fsys fs.FS, name string) (bool, error) {
	if e.Request.Method != http.MethodGet && e.Request.Method != http.MethodHead {
		return false, nil
	}
	contentType := mime.TypeByExtension(path.Ext(name))
	if contentType == "" {
		return false, nil
	}
	original, err := fs.Stat(fsys, name)
	if err != nil || original.IsDir() {
		return false, nil
	}

	accept := e.Request.Header.Get("Accept-Encoding")
	varies := false
	for _, c := range precompressedCopies {
		copyInfo, err := fs.Stat(fsys, name+c.suffix)
		if err != nil || copyInfo.IsDir() {
			continue
		}
		varies = true
		if stale(copyInfo, original) || !acceptsEncoding(accept, c.encoding) {
			continue
		}
		f, err := fsys.Open(name + c.suffix)
		if err != nil {
			continue
		}
		defer f.Close()
		body, ok := f.(io.ReadSeeker)
		if !ok {
			continue
		}
		h := e.Response.Header()
		h.Add("Vary", "Accept-Encoding")
		h.Set("Content-Type", contentType)
		h.Set("Content-Encoding", c.encoding)
		// ServeContent leaves Content-Length out of an encoded answer; a
		// phone's progress and the keep-alive connection are better with it.
		// The whole copy always goes out: a range of compressed bytes is of no
		// use to a page, and would contradict the length.
		h.Set("Content-Length", strconv.FormatInt(copyInfo.Size(), 10))
		e.Request.Header.Del("Range")
		e.Request.Header.Del("If-Range")
		http.ServeContent(e.Response, e.Request, name, copyInfo.ModTime(), body)
		return true, nil
	}
	if varies {
		e.Response.Header().Add("Vary", "Accept-Encoding")
	}
	return false, nil
}

// staleAfter: a copy older than its file by more than this is left over from
// another build (the build writes copies after files). Copying the folder
// with plain cp may write a copy a moment before its file; that is no reason
// to stop serving it.
const staleAfter = 2 * time.Second

func stale(copyInfo, original fs.FileInfo) bool {
	return copyInfo.ModTime().Add(staleAfter).Before(original.ModTime())
}

// acceptsEncoding tells whether an Accept-Encoding header accepts encoding:
// named, or through "*", with a quality above 0 ("br;q=0" refuses brotli).
func acceptsEncoding(header, encoding string) bool {
	wildcard := false
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token != encoding && token != "*" {
			continue
		}
		accepted := qualityAbove0(params)
		if token == encoding {
			return accepted
		}
		wildcard = accepted
	}
	return wildcard
}

// qualityAbove0 reads the q parameter of one Accept-Encoding entry (1 when
// absent; an unreadable one counts as absent).
func qualityAbove0(params string) bool {
	for _, p := range strings.Split(params, ";") {
		key, value, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || strings.ToLower(strings.TrimSpace(key)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return true
		}
		return q > 0
	}
	return true
}
