package domain

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestNameVectors(t *testing.T) {
	var v struct {
		Cases []struct {
			A     string `json:"a"`
			B     string `json:"b"`
			Order int    `json:"order"`
		}
		Sorted [][]string
	}
	loadVectors(t, "names.json", &v)
	if len(v.Cases) == 0 || len(v.Sorted) == 0 {
		t.Fatal("no name vectors")
	}
	for _, c := range v.Cases {
		if got := CompareNames(c.A, c.B); got != c.Order {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", c.A, c.B, got, c.Order)
		}
		if got := CompareNames(c.B, c.A); got != -c.Order {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", c.B, c.A, got, -c.Order)
		}
	}
	for _, want := range v.Sorted {
		got := slices.Clone(want)
		slices.Reverse(got)
		slices.SortFunc(got, func(a, b string) int { return ByName(a, a, b, b) })
		if !slices.Equal(got, want) {
			t.Errorf("sorted %q, want %q", got, want)
		}
		// the stored key orders the same list byte by byte, as SQLite sorts it
		got = slices.Clone(want)
		slices.Reverse(got)
		slices.SortStableFunc(got, func(a, b string) int { return strings.Compare(NameSortKey(a), NameSortKey(b)) })
		if !slices.Equal(got, want) {
			t.Errorf("sorted by NameSortKey %q, want %q", got, want)
		}
	}
	for _, c := range v.Cases {
		if got := strings.Compare(NameSortKey(c.A), NameSortKey(c.B)); got != c.Order {
			t.Errorf("NameSortKey(%q) against NameSortKey(%q) = %d, want %d", c.A, c.B, got, c.Order)
		}
	}
}

// Keys compared byte by byte agree with CompareNames on names made of the parts
// where the two could part: digits with leading zeros, letters on either side of
// the digits' code points, case, accents, spaces.
func TestNameSortKeyOrdersAsCompareNames(t *testing.T) {
	parts := []string{"0", "00", "007", "1", "2", "10", "19", "20", "99", "100", " ", "-", "!", ":", "a", "B", "é", "E", "z", "Ω", "Lapak", "kopi"}
	r := rand.New(rand.NewPCG(5, 29))
	name := func() string {
		var b strings.Builder
		for n := 1 + r.IntN(5); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		return b.String()
	}
	for range 20_000 {
		a, b := name(), name()
		if got, want := strings.Compare(NameSortKey(a), NameSortKey(b)), CompareNames(a, b); got != want {
			t.Fatalf("%q against %q: keys %q, %q compare %d, CompareNames %d", a, b, NameSortKey(a), NameSortKey(b), got, want)
		}
	}
	if got := NameSortKey("  Lapak 007 Éka "); got != "lapak 00000000000000000007 eka" {
		t.Fatalf("NameSortKey = %q", got)
	}
}

func TestByNameBreaksTiesByID(t *testing.T) {
	if ByName("Toko Murah", "b2", "toko murah", "a1") != 1 || ByName("Toko", "x", "Toko", "x") != 0 {
		t.Fatal("equal names must order by id")
	}
}
