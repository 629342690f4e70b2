package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// newsSite serves the saved pages and the failures Fetch must explain.
func newsSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	agency, err := os.ReadFile("testdata/pages/agency.html")
	if err != nil {
		t.Fatal(err)
	}
	undeclared, err := os.ReadFile("testdata/pages/cyrillic-undeclared.html")
	if err != nil {
		t.Fatal(err)
	}
	noArticle, err := os.ReadFile("testdata/pages/bad/section-front.html")
	if err != nil {
		t.Fatal(err)
	}
	koi8, err := charmap.KOI8R.NewEncoder().Bytes([]byte(`<html><head><title>Переговоры в Стамбуле</title></head><body><h1>Переговоры в Стамбуле</h1><p>Переговоры в Стамбуле завершились без договорённости о прекращении огня, сообщили обе делегации.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	plain := []byte(`<html><body><h1>Talks end without a deal</h1><article><p>The envoys left Istanbul after six hours of talks without agreeing a ceasefire, officials said.</p></article></body></html>`)
	withResources := []byte(`<html><head><link rel="stylesheet" href="/res/site.css"><script src="/res/app.js"></script></head>
<body><h1>Talks end without a deal</h1><iframe src="/res/frame"></iframe><article><img src="/res/photo.jpg">
<p>The envoys left Istanbul after six hours of talks without agreeing a ceasefire, officials said.</p>
<video src="/res/clip.mp4"></video><object data="/res/flash.swf"></object></article>
<script>fetch("/res/beacon")</script></body></html>`)

	var requests atomic.Int32
	mux := http.NewServeMux()
	html := func(body []byte, ct string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write(body)
		}
	}
	mux.HandleFunc("/world/grain-deal.html", html(agency, "text/html; charset=utf-8"))
	mux.HandleFunc("/uk/sudno", html(undeclared, "text/html; charset=windows-1251"))
	mux.HandleFunc("/ru/koi8", html(koi8, "text/html; charset=KOI8-R"))
	mux.HandleFunc("/world/", html(noArticle, "text/html"))
	mux.HandleFunc("/plain", html(plain, "text/html"))
	mux.HandleFunc("/xhtml", html(plain, "application/xhtml+xml"))
	mux.HandleFunc("/with-resources", html(withResources, "text/html"))
	mux.HandleFunc("/no-type", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no header, not even a sniffed one
		w.Write(plain)
	})
	mux.HandleFunc("/no-type-binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
	})
	mux.HandleFunc("/report.pdf", html([]byte("%PDF-1.7\n"), "application/pdf"))
	mux.HandleFunc("/empty", html(nil, "text/html"))
	mux.HandleFunc("/old-link", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/hops/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hops/"))
		if n == 0 {
			http.Redirect(w, r, "/plain", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hops/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/article.html", http.StatusFound)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/paywall", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "subscribers only", http.StatusForbidden)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The first words arrive"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	big := []byte("<html><body><p>" + strings.Repeat("Grain ships wait in Odesa. ", 200) + "</p></body></html>")
	mux.HandleFunc("/big", html(big, "text/html"))
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < len(big); i += 512 {
			w.Write(big[i:min(i+512, len(big))])
			w.(http.Flusher).Flush()
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

func TestFetch(t *testing.T) {
	srv, _ := newsSite(t)
	saved, err := ReadFile("testdata/pages/agency.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		path      string
		opts      FetchOptions
		text      string // a piece of the text
		docName   string
		finalPath string
		url       string // expected Document.URL; "final" for the final address, "/..." on the server
		charset   string
		guessed   bool
	}{
		// The page's canonical link is relative: it names a page of the
		// site it was fetched from.
		{"article with canonical address", "/world/grain-deal.html", FetchOptions{}, saved.Text, "grain-deal", "/world/grain-deal.html",
			"/world/europe/black-sea-grain-deal-signed-2022-07-22/", "utf-8", false},
		{"redirect", "/old-link", FetchOptions{}, "The envoys left Istanbul", "plain", "/plain", "final", "utf-8", false},
		{"five redirects are followed", "/hops/4", FetchOptions{}, "The envoys left Istanbul", "plain", "/plain", "final", "utf-8", false},
		{"charset from the header, not guessed", "/uk/sudno", FetchOptions{}, "Перше судно із зерном вийшло з порту Одеси", "sudno", "/uk/sudno",
			"https://polissia-news.example/ukraine/2022/08/01/pershe-sudno/", "windows-1251", false},
		{"koi8-r from the header", "/ru/koi8", FetchOptions{}, "Переговоры в Стамбуле завершились", "koi8", "/ru/koi8", "final", "koi8-r", false},
		{"xhtml", "/xhtml", FetchOptions{}, "The envoys left Istanbul", "xhtml", "/xhtml", "final", "utf-8", false},
		{"no content type, sniffed as html", "/no-type", FetchOptions{}, "The envoys left Istanbul", "no-type", "/no-type", "final", "utf-8", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := srv.URL + tt.path
			d, err := Fetch(context.Background(), addr, tt.opts)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if !strings.Contains(d.Text, tt.text) {
				t.Errorf("Text = %q, want it to contain %q", d.Text, tt.text)
			}
			if d.Format != FormatHTML || d.Name != tt.docName || d.Path != "" {
				t.Errorf("Format %q, Name %q, Path %q", d.Format, d.Name, d.Path)
			}
			if d.Fetched == nil || d.Fetched.URL != addr || d.Fetched.FinalURL != srv.URL+tt.finalPath || d.Fetched.At.IsZero() {
				t.Fatalf("Fetched = %+v", d.Fetched)
			}
			want := tt.url
			switch {
			case want == "final":
				want = srv.URL + tt.finalPath
			case strings.HasPrefix(want, "/"):
				want = srv.URL + want
			}
			if d.URL != want {
				t.Errorf("URL = %q, want %q", d.URL, want)
			}
			if d.Charset != tt.charset || d.CharsetGuessed != tt.guessed || len(d.Warnings) != 0 {
				t.Errorf("Charset %q (guessed %v), warnings %q; want %q", d.Charset, d.CharsetGuessed, d.Warnings, tt.charset)
			}
			// The page kept in Raw reads the same offline.
			again, err := ParseWith(d.Name, d.Raw, d.Format, ParseOptions{Charset: d.Charset, URL: d.Fetched.FinalURL})
			if err != nil || again.Text != d.Text || again.URL != d.URL {
				t.Errorf("reading Raw again: %v, text equal %v", err, again != nil && again.Text == d.Text)
			}
		})
	}
}

func TestFetchExplainsFailures(t *testing.T) {
	srv, _ := newsSite(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		addr string
		ctx  context.Context
		opts FetchOptions
		want string
	}{
		{"not found", srv.URL + "/gone", nil, FetchOptions{}, "was not found (HTTP 404 Not Found)"},
		{"forbidden", srv.URL + "/paywall", nil, FetchOptions{}, "the site refused access (HTTP 403 Forbidden); open the article in a browser"},
		{"server error", srv.URL + "/broken", nil, FetchOptions{}, "the site answered HTTP 500 Internal Server Error; try again later"},
		{"redirect loop", srv.URL + "/loop", nil, FetchOptions{}, "was redirected more than 5 times"},
		{"six redirects", srv.URL + "/hops/5", nil, FetchOptions{}, "was redirected more than 5 times"},
		{"fewer redirects allowed", srv.URL + "/hops/1", nil, FetchOptions{MaxRedirects: 1}, "was redirected more than 1 times"},
		{"no redirects allowed", srv.URL + "/old-link", nil, FetchOptions{MaxRedirects: -1}, "was redirected more than 0 times"},
		{"redirect away from the web", srv.URL + "/to-ftp", nil, FetchOptions{}, "redirects to ftp://files.example/article.html, which Framelens does not fetch"},
		{"slow server", srv.URL + "/slow", nil, FetchOptions{Timeout: 200 * time.Millisecond}, "did not answer within 200ms"},
		{"slow body", srv.URL + "/slow-body", nil, FetchOptions{Timeout: 200 * time.Millisecond}, "did not answer within 200ms"},
		{"too large, with length", srv.URL + "/big", nil, FetchOptions{MaxSize: 1024}, "is over the 1.0 KB limit"},
		{"too large, chunked", srv.URL + "/big-chunked", nil, FetchOptions{MaxSize: 1024}, "is over the 1.0 KB limit"},
		{"not html", srv.URL + "/report.pdf", nil, FetchOptions{}, "is not a web page but application/pdf"},
		{"not html, no content type", srv.URL + "/no-type-binary", nil, FetchOptions{}, "is not a web page but application/pdf"},
		{"empty page", srv.URL + "/empty", nil, FetchOptions{}, "answered with an empty page"},
		{"no article", srv.URL + "/world/", nil, FetchOptions{}, "has no article text"},
		{"cancelled", srv.URL + "/plain", cancelled, FetchOptions{}, "the import was cancelled"},
		{"ftp", "ftp://files.example/article.html", nil, FetchOptions{}, "only http:// and https:// links are supported"},
		{"no scheme", "www.example.org/news/article", nil, FetchOptions{}, "only http:// and https:// links are supported"},
		{"no site", "http:///news/article", nil, FetchOptions{}, "has no site name"},
		{"malformed", "http://exa mple.org/%zz", nil, FetchOptions{}, "is not a valid web address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			start := time.Now()
			_, err := Fetch(ctx, tt.addr, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			var p *Problem
			if !errors.As(err, &p) || p.Path != tt.addr {
				t.Fatalf("error %v is not a Problem naming the address", err)
			}
			if !strings.HasPrefix(err.Error(), tt.addr+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q should name the address and say %q", err, tt.want)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

func TestFetchTakesOnlyThePage(t *testing.T) {
	srv, requests := newsSite(t)
	d, err := Fetch(context.Background(), srv.URL+"/with-resources", FetchOptions{})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("%d requests for one page; scripts, styles, frames or media were fetched", n)
	}
	for _, s := range []string{"fetch(", "beacon", "app.js"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text has script content %q: %q", s, d.Text)
		}
	}
}

func TestFetchConnectionRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL + "/article"
	srv.Close()
	_, err := Fetch(context.Background(), addr, FetchOptions{Timeout: 2 * time.Second})
	if err == nil || !strings.HasPrefix(err.Error(), addr+": cannot be fetched") {
		t.Errorf("err = %v, want one naming the address and saying it cannot be fetched", err)
	}
}

func TestOpen(t *testing.T) {
	srv, _ := newsSite(t)
	abs, err := filepath.Abs("testdata/pages/jsonld.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		format   Format
		path     string
		fetched  bool
		err      string
	}{
		{"web address", srv.URL + "/plain", FormatHTML, "", true, ""},
		{"web address in capitals", strings.Replace(srv.URL, "http://", "HTTP://", 1) + "/plain", FormatHTML, "", true, ""},
		{"saved page", "testdata/pages/jsonld.html", FormatHTML, "testdata/pages/jsonld.html", false, ""},
		{"text file", "testdata/text/russian-koi8r.txt", FormatText, "testdata/text/russian-koi8r.txt", false, ""},
		{"file address", "file://" + filepath.ToSlash(abs), FormatHTML, abs, false, ""},
		{"other scheme", "gopher://news.example/1/world", "", "", false, "only http:// and https:// links are supported"},
		{"missing file", "testdata/pages/nope.html", "", "", false, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Open(context.Background(), tt.in)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.in+": ") || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want one naming %q and saying %q", err, tt.in, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if d.Format != tt.format || d.Path != tt.path || (d.Fetched != nil) != tt.fetched {
				t.Errorf("Format %q, Path %q, fetched %v", d.Format, d.Path, d.Fetched != nil)
			}
		})
	}
}
