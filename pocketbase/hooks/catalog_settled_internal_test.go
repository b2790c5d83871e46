package hooks

import (
	"testing"
	"time"

	"malpro/testutil"
)

func TestCatalogWritesSettledTime(t *testing.T) {
	app := testutil.NewApp(t, nil)
	clock := time.Date(2026, 11, 28, 12, 0, 0, 123_456_000, time.UTC)
	w := newCatalogWrites(app)
	w.now = func() time.Time { return clock }

	settled, now := w.settled()
	if recordTime(now) != "2026-11-28 12:00:00.123Z" || recordTime(settled) != "2026-11-28 12:00:00.073Z" {
		t.Fatalf("nothing in flight: settled %s, now %s", recordTime(settled), recordTime(now))
	}

	first := w.begin()
	clock = clock.Add(time.Second)
	second := w.begin()
	clock = clock.Add(time.Second)
	if settled, _ := w.settled(); recordTime(settled) != "2026-11-28 12:00:00.073Z" {
		t.Fatalf("the earliest save in flight holds settled back: %s", recordTime(settled))
	}
	w.end(first)
	if settled, _ := w.settled(); recordTime(settled) != "2026-11-28 12:00:01.073Z" {
		t.Fatalf("then the next earliest: %s", recordTime(settled))
	}

	// a save whose end never came (a panic between its write and its
	// transaction's end) stops holding settled back after staleWrite
	clock = clock.Add(staleWrite)
	if settled, now := w.settled(); !settled.Equal(now.Add(-settleMargin)) || len(w.inFlight) != 0 {
		t.Fatalf("a lost save still holds settled at %s (%d in flight)", recordTime(settled), len(w.inFlight))
	}
	w.end(second) // a late end is harmless
}
