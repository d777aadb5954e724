package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

// Defaults of the options, which are also the defaults of the flags of
// 'laborsim serve'.
const (
	DefaultAddr      = "127.0.0.1:8080"
	DefaultMaxRuns   = 2
	DefaultMaxAgents = 1_000_000
)

// maxAgentsLimit is the largest --max-agents: sim.Config.Validate's own
// cap on workers and AI agents.
const maxAgentsLimit = 50_000_000

// Options configure the explorer. The zero value of a field means its
// default.
type Options struct {
	Addr      string // the address to listen on, host:port
	MaxRuns   int    // runs and sweeps computing at once; past it a request is refused (429)
	MaxAgents int    // the most workers, AI agents or firms a run from the page may have
	Dir       string // the working directory, the only one whose files the page may open
}

// withDefaults fills the fields left zero.
func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxRuns == 0 {
		o.MaxRuns = DefaultMaxRuns
	}
	if o.MaxAgents == 0 {
		o.MaxAgents = DefaultMaxAgents
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	return o
}

// Check reports the first option out of range, naming its flag. It
// checks the options as they are: New fills in the defaults first.
func (o Options) Check() error {
	switch {
	case o.MaxRuns < 1 || o.MaxRuns > 1000:
		return fmt.Errorf("invalid --max-runs %d: must be in [1, 1000]", o.MaxRuns)
	case o.MaxAgents < 1 || o.MaxAgents > maxAgentsLimit:
		return fmt.Errorf("invalid --max-agents %d: must be in [1, %d]", o.MaxAgents, maxAgentsLimit)
	}
	if _, _, err := net.SplitHostPort(o.Addr); err != nil {
		return fmt.Errorf("invalid --addr %q: want host:port, e.g. %s", o.Addr, DefaultAddr)
	}
	return nil
}

//go:embed static
var static embed.FS

// Server is the explorer's HTTP handler.
type Server struct {
	opt      Options
	root     *os.Root // the working directory
	params   []paramInfo
	presets  []preset
	loopback bool // answer only requests to a loopback host name
	slots    chan struct{}
	wait     time.Duration // how long a request waits for a slot
	mux      *http.ServeMux
	results  *store

	mu     sync.Mutex
	claims map[string]*claim // the run in progress of each page pane, by client key
}

// New makes the explorer's handler. Close releases its working directory.
func New(opt Options) (*Server, error) {
	opt = opt.withDefaults()
	if err := opt.Check(); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(opt.Dir)
	if err != nil {
		return nil, fmt.Errorf("working directory: %w", err)
	}
	s := &Server{
		opt:      opt,
		root:     root,
		params:   parameters(opt.MaxAgents),
		loopback: isLoopback(opt.Addr),
		slots:    make(chan struct{}, opt.MaxRuns),
		wait:     slotWait,
		results:  newStore(maxStored),
		claims:   map[string]*claim{},
	}
	s.presets = presets(root)
	s.routes()
	return s, nil
}

// Close releases the working directory.
func (s *Server) Close() error { return s.root.Close() }

func (s *Server) routes() {
	sub, _ := fs.Sub(static, "static")
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.handleIndex)
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(sub)))
	m.HandleFunc("GET /api/meta", s.handleMeta)
	m.HandleFunc("GET /api/check", s.handleCheck)
	m.HandleFunc("GET /api/run", s.handleRun)
	m.HandleFunc("POST /api/stop", s.handleStop)
	m.HandleFunc("GET /api/run.csv", s.handleDownload)
	m.HandleFunc("GET /api/run.json", s.handleDownload)
	m.HandleFunc("GET /api/chart/{name}", s.handleRunChart)
	m.HandleFunc("GET /api/files", s.handleFiles)
	m.HandleFunc("GET /api/results", s.handleResults)
	m.HandleFunc("GET /api/results.csv", s.handleResultsCSV)
	m.HandleFunc("POST /api/upload", s.handleUpload)
	m.HandleFunc("GET /api/sweep-chart", s.handleSweepChart)
	m.HandleFunc("GET /api/sweep", s.handleSweep)
	s.mux = m
}

// ServeHTTP answers a request after checking the host it is addressed to.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.loopback && !loopbackHost(r.Host) {
		http.Error(w, fmt.Sprintf("host %q refused: this server answers only localhost and 127.0.0.1", r.Host), http.StatusMisdirectedRequest)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	data, err := static.ReadFile("static/index.html")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	w.Write(data)
}

// isLoopback reports whether addr's host is a loopback address or name.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && loopbackName(host)
}

// loopbackHost reports whether a request's Host header names a loopback
// host: localhost or a loopback IP, with or without a port.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	return loopbackName(host)
}

func loopbackName(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves the explorer on opt.Addr until ctx is done, then
// stops: it cancels the runs in progress, closes the connections and
// returns nil. It prints the page's address to stdout.
func ListenAndServe(ctx context.Context, opt Options, stdout, stderr io.Writer) error {
	s, err := New(opt)
	if err != nil {
		return err
	}
	defer s.Close()
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", s.opt.Addr, err)
	}
	return s.Serve(ctx, ln, stdout, stderr)
}

// Serve serves the explorer on ln until ctx is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener, stdout, stderr io.Writer) error {
	if !s.loopback {
		fmt.Fprintf(stderr, "laborsim serve: warning: listening on %s, not the loopback address: anyone who can reach it can run simulations and read the results files in %s\n", ln.Addr(), s.opt.Dir)
	}
	fmt.Fprintf(stdout, "laborsim serve: open %s (Ctrl-C stops)\n", pageURL(ln.Addr()))
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// The requests' contexts derive from ctx, so the runs are already
	// stopping; Shutdown waits for their handlers to return.
	stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(stop)
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close()
	}
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	fmt.Fprintln(stdout, "laborsim serve: stopped")
	return err
}

// pageURL is the address to open in a browser.
func pageURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
