package domain

import "strings"

// NormalizePhone turns what people type (08xx, +62 8xx, 62-8xx) into +628xx.
func NormalizePhone(input string) (string, error) {
	v := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '.', '(', ')', '\t', '\u00a0':
			return -1
		}
		return r
	}, input)
	if v == "" {
		return "", invalid("phone_required", "phone number is required")
	}
	v = strings.TrimPrefix(v, "+")
	if !allDigits(v) {
		return "", invalid("phone_digits", "phone number has digits only")
	}

	var subscriber string // the part after 0 or 62
	switch {
	case strings.HasPrefix(v, "62"):
		subscriber = v[2:]
	case strings.HasPrefix(v, "0"):
		subscriber = v[1:]
	default:
		return "", invalid("phone_mobile", "use an Indonesian mobile number (08…)")
	}
	if !strings.HasPrefix(subscriber, "8") {
		return "", invalid("phone_mobile", "use an Indonesian mobile number (08…)")
	}
	if len(subscriber) < 9 || len(subscriber) > 12 {
		return "", invalid("phone_length", "a mobile number has 10 to 13 digits with its 0")
	}
	return "+62" + subscriber, nil
}
