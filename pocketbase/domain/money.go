package domain

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// MaxRupiah is the largest amount both sides can hold exactly (JavaScript's
// Number.MAX_SAFE_INTEGER).
const MaxRupiah int64 = 1<<53 - 1

// FormatRupiah writes an integer amount as Indonesians read it: Rp12.500.
func FormatRupiah(amount int64) string {
	sign := ""
	var abs uint64
	if amount < 0 {
		sign = "-"
		abs = uint64(-(amount + 1)) + 1 // safe for math.MinInt64
	} else {
		abs = uint64(amount)
	}
	digits := strconv.FormatUint(abs, 10)

	var b strings.Builder
	b.WriteString(sign)
	b.WriteString("Rp")
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return b.String()
}

var (
	rupiahPrefix  = regexp.MustCompile(`(?i)^rp`)
	groupedDigits = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	plainDigits   = regexp.MustCompile(`^\d+$`)
)

// ParseRupiah reads what people type for an amount ("Rp12.500", "12500").
func ParseRupiah(input string) (int64, error) {
	v := strings.TrimSpace(input)
	v = strings.TrimSpace(rupiahPrefix.ReplaceAllString(v, ""))
	v = stripSpaces(v)
	switch {
	case v == "":
		return 0, invalid("amount_required", "amount is required")
	case strings.HasPrefix(v, "-"):
		return 0, invalid("amount_negative", "amount cannot be negative")
	case strings.Contains(v, ","):
		return 0, invalid("amount_fraction", "rupiah amounts are whole numbers")
	case !groupedDigits.MatchString(v) && !plainDigits.MatchString(v):
		return 0, invalid("amount_format", "write the amount as 12500 or 12.500")
	}
	n, err := strconv.ParseUint(strings.ReplaceAll(v, ".", ""), 10, 64)
	if err != nil || n > uint64(MaxRupiah) || n > math.MaxInt64 {
		return 0, invalid("amount_too_large", "amount is too large")
	}
	return int64(n), nil
}
