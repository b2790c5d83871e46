package domain

// Sex as encoded in the 15th digit of a NIP.
type Sex string

const (
	SexMale   Sex = "male"
	SexFemale Sex = "female"
)

// NIP is a checked civil-servant number.
type NIP struct {
	Value string
	Sex   Sex
}

// ParseNIP checks a NIP: 18 digits = birth date YYYYMMDD + appointment YYYYMM
// + sex digit + 3-digit sequence. Spaces are ignored.
func ParseNIP(input string) (NIP, error) {
	v := stripSpaces(input)
	switch {
	case v == "":
		return NIP{}, invalid("nip_required", "NIP is required")
	case len(v) != 18:
		return NIP{}, invalid("nip_length", "NIP has 18 digits")
	case !allDigits(v):
		return NIP{}, invalid("nip_digits", "NIP has digits only")
	}

	by, bm, bd := atoi(v[0:4]), atoi(v[4:6]), atoi(v[6:8])
	if by < 1930 || by > 2030 || !validDate(by, bm, bd) {
		return NIP{}, invalid("nip_birth_date", "the first 8 digits are not a birth date")
	}

	ay, am := atoi(v[8:12]), atoi(v[12:14])
	// appointed as an adult: at least 18 years after birth
	if am < 1 || am > 12 || ay > 2100 || (ay*12+am)-(by*12+bm) < 18*12 {
		return NIP{}, invalid("nip_appointment", "digits 9-14 are not an appointment month")
	}

	var sex Sex
	switch v[14] {
	case '1':
		sex = SexMale
	case '2':
		sex = SexFemale
	default:
		return NIP{}, invalid("nip_sex", "digit 15 is 1 or 2")
	}

	if v[15:18] == "000" {
		return NIP{}, invalid("nip_sequence", "the last 3 digits are a sequence from 001")
	}
	return NIP{Value: v, Sex: sex}, nil
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}
