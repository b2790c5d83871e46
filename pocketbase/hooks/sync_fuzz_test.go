package hooks_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"malpro/testutil"
)

// fuzzCount is how many malformed, oversized or wrongly typed pushes the
// bounded fuzz sends (issue 4 asks for at least 5,000).
const fuzzCount = 5000

// junk values of every JSON type, including ones that look almost right
var junk = []any{
	nil, true, false, 0, -1, 1.5, 1e308, -1e308, 9007199254740993, "", " ", "0", "x",
	strings.Repeat("a", 15), strings.Repeat("Z", 15), "abcdefghijklmn", "abcdefghijklmnop",
	"order.place", "ORDER.PLACE", "order.", ".place", "order.place;drop", "💥", "\u0000",
	"2026-11-28T10:00:00Z", "2026-13-45T99:99:99Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
	[]any{}, []any{1, 2}, map[string]any{}, map[string]any{"a": map[string]any{"b": []any{nil}}},
	strings.Repeat("x", 70_000),
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// a valid push to break in many ways
func validPush(r *rand.Rand, n int) map[string]any {
	ms := []any{}
	for i := 0; i < n; i++ {
		ms = append(ms, map[string]any{
			"id":   fmt.Sprintf("fz%013d", r.Int64N(1e13)),
			"name": "order.place",
			"args": map[string]any{
				"order": fmt.Sprintf("fo%013d", r.Int64N(1e13)), "stall": testutil.StallX,
				"delivery": "opd", "payment": "cod", "note": "",
				"lines": []any{map[string]any{"id": fmt.Sprintf("fl%013d", r.Int64N(1e13)), "product": testutil.ProductX1, "qty": 1, "seenPrice": 15000}},
			},
			"createdAt": time.Now().UTC().Format(time.RFC3339Nano),
		})
	}
	return map[string]any{"clientId": "fuzz-device", "mutations": ms}
}

// breakPush damages a valid push at one or more random places.
func breakPush(r *rand.Rand, push map[string]any) any {
	switch r.IntN(12) {
	case 0: // raw bytes of a truncated body
		raw, _ := json.Marshal(push)
		return string(raw[:r.IntN(len(raw))])
	case 1: // random text
		b := make([]byte, r.IntN(200))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return string(b)
	case 2: // a junk top-level value
		return pick(r, junk)
	case 3: // envelope fields replaced
		push[pick(r, []string{"clientId", "mutations"})] = pick(r, junk)
		return push
	case 4: // envelope field removed
		delete(push, pick(r, []string{"clientId", "mutations"}))
		return push
	}
	ms := push["mutations"].([]any)
	m := ms[r.IntN(len(ms))].(map[string]any)
	args := m["args"].(map[string]any)
	line := args["lines"].([]any)[0].(map[string]any)
	for k := 0; k <= r.IntN(3); k++ {
		switch r.IntN(8) {
		case 0:
			m[pick(r, []string{"id", "name", "args", "createdAt"})] = pick(r, junk)
		case 1:
			delete(m, pick(r, []string{"id", "name", "args", "createdAt"}))
		case 2, 3:
			args[pick(r, []string{"order", "stall", "delivery", "payment", "note", "lines", "total", "status"})] = pick(r, junk)
		case 4, 5:
			line[pick(r, []string{"id", "product", "qty", "seenPrice", "price"})] = pick(r, junk)
		case 6:
			m["name"] = pick(r, []string{"order.confirm", "order.cancel", "order.accept", "order.receive", "stock.set", "x.y"})
		case 7:
			if lines, ok := args["lines"].([]any); ok {
				args["lines"] = append(lines, line) // duplicate line id and product
			}
		}
	}
	return push
}

func TestFuzzPushNeverFailsOrWritesPartially(t *testing.T) {
	f := newFixture(t)
	token := f.world.Token(t, testutil.BuyerA)
	stockBefore := f.stock(t, testutil.ProductX1)
	r := rand.New(rand.NewPCG(2026, 11))

	statuses := map[int]int{}
	results := map[string]int{}
	for i := 0; i < fuzzCount; i++ {
		var body any
		if i%500 == 499 { // oversized
			push := validPush(r, 101)
			if i%1000 == 999 {
				push["pad"] = strings.Repeat("x", 1<<20)
			}
			body = push
		} else {
			body = breakPush(r, validPush(r, 1+r.IntN(3)))
		}
		if s, ok := body.(string); ok {
			body = []byte(s) // send as it is, not JSON-encoded
		}
		res := testutil.Do(t, f.srv, "POST", "/api/sync/push", token, body)
		statuses[res.Status]++
		if res.Status >= 500 {
			t.Fatalf("push %d answered %d: %s", i, res.Status, res.Raw)
		}
		if res.Status == 200 {
			for _, x := range res.Body["results"].([]any) {
				results[x.(map[string]any)["status"].(string)]++
			}
		}
	}

	// no partial write: every order has its lines and its priced total, and the
	// stock moved by exactly what the placed orders hold
	orders, err := f.app.FindAllRecords("orders")
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, o := range orders {
		lines, err := f.app.FindAllRecords("order_lines", dbxOrderExp(o.Id))
		if err != nil || len(lines) == 0 {
			t.Fatalf("order %s has no lines", o.Id)
		}
		sum := 0
		for _, l := range lines {
			sum += l.GetInt("line_total")
			if l.GetInt("price") != 15000 {
				t.Fatalf("line priced %d, not the server's price", l.GetInt("price"))
			}
			if o.GetBool("stock_held") {
				held += l.GetInt("qty")
			}
		}
		if sum != o.GetInt("total") {
			t.Fatalf("order %s total %d != lines %d", o.Id, o.GetInt("total"), sum)
		}
	}
	if got := f.stock(t, testutil.ProductX1); got != max(stockBefore-held, 0) {
		t.Fatalf("stock %d, want %d - %d", got, stockBefore, held)
	}
	fmt.Printf("sync push fuzz: %d pushes, HTTP %v, results %v, %d orders consistent\n", fuzzCount, statuses, results, len(orders))
}
