package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// slotWait is how long a request waits for a run slot before it is
// refused: long enough for a run cancelled by the same page to let go
// of its slot.
const slotWait = 5 * time.Second

// errBusy refuses a run when --max-runs runs are computing.
type errBusy struct{ max int }

func (e errBusy) Error() string {
	return fmt.Sprintf("%d runs are computing, the most this server runs at once (laborsim serve --max-runs); stop one or try again", e.max)
}

// acquire takes a run slot, waiting up to s.wait; release gives it back.
func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	release = func() { <-s.slots }
	select {
	case s.slots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(s.wait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		return nil, errBusy{cap(s.slots)}
	}
}

// claim is the run in progress of one pane of a page.
type claim struct{ cancel context.CancelFunc }

// claimRun cancels the run in progress under key, if any, and makes the
// new one the key's run. done releases the key.
func (s *Server) claimRun(ctx context.Context, key string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	if key == "" {
		return ctx, cancel
	}
	c := &claim{cancel}
	s.mu.Lock()
	if old := s.claims[key]; old != nil {
		old.cancel()
	}
	s.claims[key] = c
	s.mu.Unlock()
	return ctx, func() {
		cancel()
		s.mu.Lock()
		if s.claims[key] == c {
			delete(s.claims, key)
		}
		s.mu.Unlock()
	}
}

// stop cancels the run in progress under key and reports whether there
// was one.
func (s *Server) stop(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.claims[key]
	if c != nil {
		c.cancel()
		delete(s.claims, key)
	}
	return c != nil
}

// handleStop stops the run of a pane: POST /api/stop?client=KEY.
func (s *Server) handleStop(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string]bool{"stopped": s.stop(r.URL.Query().Get("client"))})
}

// handleCheck validates a configuration and returns its command line and
// its parameters as the results file writes them, or a 400 with the
// command line's message.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	cfg, err := s.config(r.URL.Query())
	if err != nil {
		badRequest(w, err)
		return
	}
	writeJSON(w, map[string]any{"command": experiments.Flags(cfg), "values": values(cfg), "steps": cfg.Steps()})
}

// handleRun streams a run as server-sent events: "start" with the
// command line and the column names, a "step" a step with the values of
// economy.Columns as a JSON array (shortest round-trip numbers), then
// "done", "stopped" (cancelled) or "failed" with the message. A new run with the same client
// key cancels the one before.
func (s *Server) handleRun(w http.ResponseWriter, r *http.Request) {
	cfg, err := s.config(r.URL.Query(), "client")
	if err != nil {
		badRequest(w, err)
		return
	}
	s.stream(w, r, func(ctx context.Context, ev *events) {
		ev.send("start", map[string]any{"command": experiments.Flags(cfg), "steps": cfg.Steps(), "columns": columnNames()})
		row := make([]byte, 0, 1024)
		err := sim.RunEach(ctx, cfg, func(a *economy.Accounts) error {
			row = appendRow(row[:0], a)
			return ev.sendRaw("step", row)
		})
		switch {
		case err == nil:
			ev.send("done", map[string]int{"steps": cfg.Steps()})
		case errors.Is(err, context.Canceled):
			ev.send("stopped", map[string]string{"reason": "stopped"})
		default:
			ev.send("failed", map[string]string{"message": err.Error()})
		}
	})
}

// stream answers a pane's request with server-sent events: it makes the
// request the run of its client key (cancelling the key's run before),
// takes a run slot, opens the stream and hands it to body with the run's
// context. A request that gets no slot is refused before the stream opens.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, body func(ctx context.Context, ev *events)) {
	ctx, done := s.claimRun(r.Context(), r.URL.Query().Get("client"))
	defer done()
	release, err := s.acquire(ctx)
	if err != nil {
		refuse(w, err)
		return
	}
	defer release()
	ev, err := newEvents(w)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	body(ctx, ev)
}

// appendRow appends a step's columns as a JSON array of numbers.
func appendRow(b []byte, a *economy.Accounts) []byte {
	b = append(b, '[')
	for i, col := range economy.Columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = experiments.AppendNumber(b, col.Value(a))
	}
	return append(b, ']')
}

func columnNames() []string {
	names := make([]string, len(economy.Columns))
	for i, c := range economy.Columns {
		names[i] = c.Name
	}
	return names
}

// events writes server-sent events, flushing each.
type events struct {
	w http.ResponseWriter
	f http.Flusher
}

func newEvents(w http.ResponseWriter) (*events, error) {
	f, ok := w.(http.Flusher)
	if !ok {
		return nil, errors.New("streaming is not supported by this connection")
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	f.Flush()
	return &events{w, f}, nil
}

func (e *events) send(name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return e.sendRaw(name, data)
}

// sendRaw sends data, which holds no newline, as one event.
func (e *events) sendRaw(name string, data []byte) error {
	if _, err := fmt.Fprintf(e.w, "event: %s\ndata: %s\n\n", name, data); err != nil {
		return err
	}
	e.f.Flush()
	return nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

// badRequest answers 400 with the error as one line.
func badRequest(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusBadRequest)
}

// refuse answers a request that got no run slot.
func refuse(w http.ResponseWriter, err error) {
	var busy errBusy
	if errors.As(err, &busy) {
		http.Error(w, err.Error(), http.StatusTooManyRequests)
		return
	}
	http.Error(w, err.Error(), http.StatusServiceUnavailable)
}
