package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CompareNames orders names as the app does (src/lib/domain/names.ts, cases in
// tests/vectors/names.json): case and accents aside, runs of ASCII digits by
// their value, otherwise character by character (by code point); a name comes
// before the longer names it starts. 0 when two names differ only in case,
// accents, surrounding spaces or leading zeros.
func CompareNames(a, b string) int {
	return CompareNameKeys(NameKeyOf(a), NameKeyOf(b))
}

// NameKey is a name folded for comparing: a sort folds each name once.
type NameKey []rune

// NameKeyOf folds a name: lowercase, without combining marks (é → e), trimmed.
func NameKeyOf(name string) NameKey { return NameKey(foldName(name)) }

// CompareNameKeys compares folded names as CompareNames does.
func CompareNameKeys(a, b NameKey) int { return compareNatural(a, b) }

// ByName is CompareNames, then the ids: equal names keep one order.
func ByName(nameA, idA, nameB, idB string) int {
	return ByNameKey(NameKeyOf(nameA), idA, NameKeyOf(nameB), idB)
}

// ByNameKey is ByName over names folded beforehand (a sort folds each once).
func ByNameKey(a NameKey, idA string, b NameKey, idB string) int {
	if c := CompareNameKeys(a, b); c != 0 {
		return c
	}
	return strings.Compare(idA, idB)
}

// foldName: lowercase, without combining marks (é → e), trimmed.
func foldName(name string) string {
	decomposed := norm.NFD.String(name)
	var b strings.Builder
	b.Grow(len(decomposed))
	for _, r := range decomposed {
		if unicode.Is(unicode.M, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSpace(b.String())
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func compareNatural(a, b []rune) int {
	digitAt := func(s []rune, i int) bool { return i < len(s) && isDigit(s[i]) }
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			// the runs without leading zeros: a longer one is the larger number
			for a[i] == '0' && digitAt(a, i+1) {
				i++
			}
			for b[j] == '0' && digitAt(b, j+1) {
				j++
			}
			ei, ej := i, j
			for digitAt(a, ei) {
				ei++
			}
			for digitAt(b, ej) {
				ej++
			}
			if ei-i != ej-j {
				if ei-i < ej-j {
					return -1
				}
				return 1
			}
			for ; i < ei; i, j = i+1, j+1 {
				if a[i] != b[j] {
					if a[i] < b[j] {
						return -1
					}
					return 1
				}
			}
			continue
		}
		if a[i] != b[j] {
			if a[i] < b[j] {
				return -1
			}
			return 1
		}
		i++
		j++
	}
	switch left := (len(a) - i) - (len(b) - j); {
	case left < 0:
		return -1
	case left > 0:
		return 1
	}
	return 0
}

// nameSortDigits is how wide NameSortKey writes a run of digits: numbers with more
// digits than this (not a name's) keep their own digits and may sort out of value order.
const nameSortDigits = 20

// NameSortKey is a name written so that comparing keys byte by byte (SQLite's
// default order, strings.Compare) orders names as CompareNames does: folded as
// NameKeyOf, each run of digits without its leading zeros and padded with zeros to
// one width, so "lapak 2" comes before "lapak 10". The server stores it beside a
// product's name (its `sort_name`) and sorts lists by it, then by id, as the app
// sorts names on the device.
func NameSortKey(name string) string {
	folded := []rune(foldName(name))
	var b strings.Builder
	b.Grow(len(folded) + nameSortDigits)
	for i := 0; i < len(folded); {
		if !isDigit(folded[i]) {
			b.WriteRune(folded[i])
			i++
			continue
		}
		end := i
		for end < len(folded) && isDigit(folded[end]) {
			end++
		}
		start := i
		for start < end-1 && folded[start] == '0' { // "007" is 7, "000" is 0
			start++
		}
		for pad := nameSortDigits - (end - start); pad > 0; pad-- {
			b.WriteByte('0')
		}
		b.WriteString(string(folded[start:end]))
		i = end
	}
	return b.String()
}
