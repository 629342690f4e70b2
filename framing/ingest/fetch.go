package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"framelens/framing/ingest/charset"
)

// Defaults of FetchOptions.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxRedirects = 5
)

// FetchOptions are the limits of Fetch. The zero value uses the defaults.
type FetchOptions struct {
	// Timeout bounds the whole fetch, body included; DefaultTimeout when
	// zero.
	Timeout time.Duration
	// MaxSize is the largest page accepted, in bytes; MaxSize when zero
	// or larger.
	MaxSize int64
	// MaxRedirects is how many redirects are followed; DefaultMaxRedirects
	// when zero, none when negative.
	MaxRedirects int
	// Client, when set, is used for the request (its transport, proxy and
	// cookies); its redirect policy and timeout are replaced by these
	// options.
	Client *http.Client
}

// FetchInfo records how a report was fetched from the web.
type FetchInfo struct {
	// URL is the address asked for.
	URL string
	// FinalURL is the address that answered, after redirects.
	FinalURL string
	// ContentType is the Content-Type header of the answer.
	ContentType string
	// At is when the page was fetched.
	At time.Time
}

// userAgent names the program to the sites it fetches from.
const userAgent = "Mozilla/5.0 (compatible; Framelens; article import)"

// Fetch downloads the web page at rawURL and reads its article like a
// saved page. Only http and https addresses are fetched, and only the page
// itself: nothing it links to or embeds. Raw keeps the page as fetched,
// so the report can be read again offline (ParseWith with Format
// FormatHTML and the Charset and URL in Fetched). Every failure (bad
// address, no answer in time, HTTP error, not a web page, too large, no
// article) is a *Problem naming the address and saying what to do.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (*Document, error) {
	u, perr := webAddress(rawURL)
	if perr != nil {
		return nil, perr
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	limit := opts.MaxSize
	if limit <= 0 || limit > MaxSize {
		limit = MaxSize
	}
	maxRedirects := opts.MaxRedirects
	switch {
	case maxRedirects == 0:
		maxRedirects = DefaultMaxRedirects
	case maxRedirects < 0:
		maxRedirects = 0
	}
	client := &http.Client{}
	if opts.Client != nil {
		c := *opts.Client
		client = &c
	}
	client.Timeout = 0 // the context bounds the fetch
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return &redirectError{n: maxRedirects, to: req.URL.String()}
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return &redirectError{scheme: true, to: req.URL.String()}
		}
		return nil
	}

	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Problem{rawURL, fmt.Sprintf("is not a valid web address (%v); copy the link from the browser's address bar", err)}
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchProblem(rawURL, err, parent, timeout)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if p := statusProblem(rawURL, resp); p != nil {
		return nil, p
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return nil, &Problem{rawURL, fmt.Sprintf("is not a web page but %s; give the link of the article page itself", mediaType(ct))}
	}
	if resp.ContentLength > limit {
		return nil, tooLarge(rawURL, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fetchProblem(rawURL, err, parent, timeout)
	}
	if int64(len(body)) > limit {
		return nil, tooLarge(rawURL, int64(len(body)), limit)
	}
	if ct == "" {
		if sniffed := http.DetectContentType(body); !isHTMLType(sniffed) {
			return nil, &Problem{rawURL, fmt.Sprintf("is not a web page but %s; give the link of the article page itself", mediaType(sniffed))}
		}
	}
	if len(body) == 0 {
		return nil, &Problem{rawURL, "answered with an empty page; check the link, or open it in a browser and save the page"}
	}
	d, err := ParseWith(nameFromURL(resp.Request.URL), body, FormatHTML, ParseOptions{Charset: charset.FromContentType(ct), URL: final})
	if err != nil {
		var p *Problem
		if errors.As(err, &p) {
			p.Path = rawURL
		}
		return nil, err
	}
	d.relabelWarnings(rawURL)
	d.Fetched = &FetchInfo{URL: rawURL, FinalURL: final, ContentType: ct, At: time.Now()}
	return d, nil
}

// Open reads a report from a path or a web address: http:// and https://
// addresses are fetched with the default FetchOptions, file:// addresses
// and paths are read with ReadFile. Other schemes are refused.
func Open(ctx context.Context, pathOrURL string) (*Document, error) {
	s := strings.TrimSpace(pathOrURL)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		return Fetch(ctx, s, FetchOptions{})
	case strings.HasPrefix(lower, "file://"):
		u, err := url.Parse(s)
		if err != nil || u.Path == "" {
			return nil, &Problem{pathOrURL, "is not a valid file address; give the path of the file instead"}
		}
		s = u.Path
	case otherScheme.MatchString(s):
		return nil, badScheme(pathOrURL)
	}
	if err := ctx.Err(); err != nil {
		return nil, &Problem{pathOrURL, "was not read: the import was cancelled"}
	}
	return ReadFile(s)
}

var otherScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

func badScheme(raw string) *Problem {
	return &Problem{raw, "is not a web address Framelens can fetch: only http:// and https:// links are supported; for a file on this computer, give its path"}
}

// webAddress checks that raw is an absolute http or https address.
func webAddress(raw string) (*url.URL, *Problem) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, &Problem{raw, fmt.Sprintf("is not a valid web address (%v); copy the link from the browser's address bar", err)}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, badScheme(raw)
	}
	if u.Host == "" {
		return nil, &Problem{raw, "has no site name; copy the whole link from the browser's address bar"}
	}
	return u, nil
}

// redirectError stops a fetch that redirects too often or away from the
// web.
type redirectError struct {
	n      int
	scheme bool
	to     string
}

func (e *redirectError) Error() string {
	if e.scheme {
		return "redirected to " + e.to + ", which is not a web address"
	}
	return fmt.Sprintf("stopped after %d redirects", e.n)
}

// fetchProblem explains a failed request.
func fetchProblem(raw string, err error, parent context.Context, timeout time.Duration) *Problem {
	var re *redirectError
	var ne net.Error
	switch {
	case errors.As(err, &re) && re.scheme:
		return &Problem{raw, fmt.Sprintf("redirects to %s, which Framelens does not fetch; open the link in a browser, save the page and import the file", re.to)}
	case errors.As(err, &re):
		return &Problem{raw, fmt.Sprintf("was redirected more than %d times (the site may be redirecting in a loop); open the link in a browser, save the page and import the file", re.n)}
	case parent.Err() != nil && errors.Is(parent.Err(), context.Canceled):
		return &Problem{raw, "was not fetched: the import was cancelled"}
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return &Problem{raw, fmt.Sprintf("did not answer within %s; check the network connection and try again, or open the link in a browser, save the page and import the file", timeout)}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return &Problem{raw, fmt.Sprintf("cannot be reached: the site name %q was not found; check the address and the network connection", dnsErr.Name)}
	}
	return &Problem{raw, fmt.Sprintf("cannot be fetched (%v); check the address and the network connection", unwrapURLError(err))}
}

// unwrapURLError drops the "Get <url>:" prefix net/http adds, as the
// message names the address already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// statusProblem explains an HTTP status other than success.
func statusProblem(raw string, resp *http.Response) *Problem {
	code := resp.StatusCode
	if code >= 200 && code < 300 {
		return nil
	}
	status := fmt.Sprintf("HTTP %d %s", code, http.StatusText(code))
	switch {
	case code == http.StatusNotFound || code == http.StatusGone:
		return &Problem{raw, fmt.Sprintf("was not found (%s); check the link, or find the article again on the site", status)}
	case code == http.StatusUnauthorized || code == http.StatusPaymentRequired || code == http.StatusForbidden || code == http.StatusUnavailableForLegalReasons:
		return &Problem{raw, fmt.Sprintf("the site refused access (%s); open the article in a browser, save the page (File > Save Page As) and import the saved file", status)}
	case code >= 300 && code < 400:
		return &Problem{raw, fmt.Sprintf("answered with a redirect Framelens cannot follow (%s); open the link in a browser, save the page and import the file", status)}
	case code == http.StatusTooManyRequests || code >= 500:
		return &Problem{raw, fmt.Sprintf("the site answered %s; try again later, or open the link in a browser, save the page and import the file", status)}
	}
	return &Problem{raw, fmt.Sprintf("the site answered %s; check the link, or open it in a browser, save the page and import the file", status)}
}

func tooLarge(raw string, n, limit int64) *Problem {
	return &Problem{raw, fmt.Sprintf("is over the %s limit for a report (at least %s); save the article page alone, or copy its text and paste it", humanSize(limit), humanSize(n))}
}

func mediaType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	return ct
}

func isHTMLType(ct string) bool {
	switch mediaType(ct) {
	case "text/html", "application/xhtml+xml":
		return true
	}
	return false
}

// nameFromURL names a fetched report after the last part of its path
// ("black-sea-grain-deal" from ".../black-sea-grain-deal.html"), or its
// site when the path is empty.
func nameFromURL(u *url.URL) string {
	p := strings.TrimRight(u.Path, "/")
	if base := path.Base(p); base != "" && base != "." && base != "/" {
		if name := strings.TrimSuffix(base, path.Ext(base)); name != "" {
			return name
		}
		return base
	}
	return u.Hostname()
}
