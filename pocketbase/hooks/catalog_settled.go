package hooks

import (
	"log/slog"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"
)

// settledCollections are the collections devices pull with an (updated, id)
// cursor: the catalog and its tombstones.
var settledCollections = append([]string{"tombstones"}, catalogCollections...)

const (
	// settleMargin covers the clock's granularity: a stamp is read from the
	// same wall clock as the registration before it, truncated to milliseconds.
	settleMargin = 50 * time.Millisecond
	// staleWrite is how long a save may stay in flight before it is taken for
	// lost (a panic between its write and its transaction's end skips every
	// after-hook): past it, it no longer holds the settled time back. No
	// catalog transaction comes near it (SQLite has one writer; every other
	// write would wait behind it).
	staleWrite = 5 * time.Minute
)

// catalogWrites tracks the saves of catalog records between the moment before
// their `updated` autodate is stamped and the moment their transaction ends
// (docs/catalog-sync.md, "Ties and late commits").
type catalogWrites struct {
	app      core.App
	now      func() time.Time
	mu       sync.Mutex
	next     uint64
	inFlight map[uint64]time.Time
}

func newCatalogWrites(app core.App) *catalogWrites {
	return &catalogWrites{app: app, now: time.Now, inFlight: map[uint64]time.Time{}}
}

// begin registers a save about to be stamped. The time is read under the lock
// that settled() reads under: a save registered after an answer of settled()
// was computed is stamped at or after that answer's now.
func (w *catalogWrites) begin() uint64 {
	id, _ := w.beginAt()
	return id
}

// beginAt is begin, also returning the time registered: a raw write stamps
// its rows with it (the same clock as the autodate; at or after settled).
func (w *catalogWrites) beginAt() (uint64, time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next++
	at := w.now()
	w.inFlight[w.next] = at
	return w.next, at
}

// end deregisters a save once it is committed, rolled back or failed.
func (w *catalogWrites) end(id uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.inFlight, id)
}

// settled returns the server's time and the settled time: every catalog record
// stamped (`updated`) before settled has committed by now, or never will.
// Saves start in flight before they are stamped, so the settled time is the
// earliest start still in flight, less a margin, or now less the margin when
// none is.
func (w *catalogWrites) settled() (settled, now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	now = w.now()
	earliest := now
	for id, started := range w.inFlight {
		if now.Sub(started) > staleWrite {
			delete(w.inFlight, id)
			w.app.Logger().Warn("catalog save in flight too long: no longer holding the settled time back",
				slog.Time("started", started))
			continue
		}
		if started.Before(earliest) {
			earliest = started
		}
	}
	return earliest.Add(-settleMargin), now
}

// track wraps a catalog record's save, bound first in OnRecordCreate and
// OnRecordUpdate: both run the whole save inside e.Next(), including the
// autodate stamp (AutodateField.Intercept, in OnRecordCreateExecute /
// OnRecordUpdateExecute). A save outside a transaction has committed (or
// failed) when e.Next() returns; inside one, it is done when the transaction
// ends, which TxInfo().OnComplete reports after the commit or the rollback:
// the same callback by which PocketBase fires OnRecordAfter*Success / *Error
// of saves in a transaction (core/db.go). Each registration thus ends exactly
// once, without matching events across hooks.
func (w *catalogWrites) track(e *core.RecordEvent) error {
	app := e.App // the app the save runs on (a transaction's, or not)
	id := w.begin()
	handedOff := false
	defer func() {
		if !handedOff { // done, failed, or panicking
			w.end(id)
		}
	}()
	err := e.Next()
	if app.IsTransactional() {
		// even after an error: a caller may go on and commit what was written
		app.TxInfo().OnComplete(func(error) error {
			w.end(id)
			return nil
		})
		handedOff = true
	}
	return err
}

// registerCatalogWrites binds the tracking of catalog saves. Deletes stamp
// nothing of their own: their tombstones are saves of `tombstones`.
func registerCatalogWrites(app core.App) *catalogWrites {
	w := newCatalogWrites(app)
	app.Store().Set(catalogWritesKey, w) // for rawCatalogWrite
	app.OnRecordCreate(settledCollections...).Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "malproCatalogWritesCreate",
		Func:     w.track,
		Priority: -10_000, // before any handler that could stop the chain
	})
	app.OnRecordUpdate(settledCollections...).Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "malproCatalogWritesUpdate",
		Func:     w.track,
		Priority: -10_000,
	})
	return w
}

// catalogWritesKey holds the tracker in the app's store, which the apps of its
// transactions share (createTxApp copies the app, not its store).
const catalogWritesKey = "malproCatalogWrites"

// rawCatalogWrite runs write, a raw SQL write of catalog rows on app (a
// transaction's or not) that must set their `updated` to the stamp it is
// given, and holds it in flight exactly like a record save: registered, the
// stamp read under the lock, before anything is written; done when write
// returns outside a transaction, when the transaction ends inside one.
func rawCatalogWrite(app core.App, write func(stamp string) error) error {
	w, _ := app.Store().Get(catalogWritesKey).(*catalogWrites)
	if w == nil { // no tracker bound (an app without the hooks): nothing to hold back
		return write(recordTime(time.Now()))
	}
	id, at := w.beginAt()
	if app.IsTransactional() {
		// bound before the write: a failed or panicking write is still the
		// transaction's until it ends (its caller could commit the rest)
		app.TxInfo().OnComplete(func(error) error {
			w.end(id)
			return nil
		})
		return write(recordTime(at))
	}
	defer w.end(id)
	return write(recordTime(at))
}

// recordTime formats a time as PocketBase formats record times.
func recordTime(t time.Time) string {
	return t.UTC().Format(types.DefaultDateLayout)
}
