package domain

import (
	"slices"
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
	}
}

func TestByNameBreaksTiesByID(t *testing.T) {
	if ByName("Toko Murah", "b2", "toko murah", "a1") != 1 || ByName("Toko", "x", "Toko", "x") != 0 {
		t.Fatal("equal names must order by id")
	}
}
