package domain

// ParseNIB checks a business number from OSS: 13 digits, spaces ignored.
func ParseNIB(input string) (string, error) {
	v := stripSpaces(input)
	switch {
	case v == "":
		return "", invalid("nib_required", "NIB is required")
	case len(v) != 13:
		return "", invalid("nib_length", "NIB has 13 digits")
	case !allDigits(v):
		return "", invalid("nib_digits", "NIB has digits only")
	case v == "0000000000000":
		return "", invalid("nib_zero", "NIB cannot be all zeros")
	}
	return v, nil
}
