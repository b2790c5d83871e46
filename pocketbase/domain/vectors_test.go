package domain

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// loadVectors reads tests/vectors/NAME.json, shared with the TypeScript tests.
func loadVectors(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "tests", "vectors", name))
	if err != nil {
		t.Fatalf("reading vectors: %v", err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
}

type checkCase struct {
	Input      string `json:"input"`
	Valid      bool   `json:"valid"`
	Code       string `json:"code"`
	Normalized string `json:"normalized"`
	Sex        string `json:"sex"`
}

func codeOf(err error) string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Code
	}
	return ""
}

func TestNIPVectors(t *testing.T) {
	var v struct{ Cases []checkCase }
	loadVectors(t, "nip.json", &v)
	if len(v.Cases) == 0 {
		t.Fatal("no NIP vectors")
	}
	for _, c := range v.Cases {
		t.Run(c.Input, func(t *testing.T) {
			nip, err := ParseNIP(c.Input)
			if c.Valid {
				if err != nil || nip.Value != c.Normalized || string(nip.Sex) != c.Sex {
					t.Fatalf("want %s/%s, got %+v err %v", c.Normalized, c.Sex, nip, err)
				}
				return
			}
			if codeOf(err) != c.Code {
				t.Fatalf("want code %s, got %v", c.Code, err)
			}
		})
	}
}

func TestNIBVectors(t *testing.T) {
	var v struct{ Cases []checkCase }
	loadVectors(t, "nib.json", &v)
	for _, c := range v.Cases {
		t.Run(c.Input, func(t *testing.T) {
			nib, err := ParseNIB(c.Input)
			if c.Valid {
				if err != nil || nib != c.Normalized {
					t.Fatalf("want %s, got %s err %v", c.Normalized, nib, err)
				}
				return
			}
			if codeOf(err) != c.Code {
				t.Fatalf("want code %s, got %v", c.Code, err)
			}
		})
	}
}

func TestPhoneVectors(t *testing.T) {
	var v struct{ Cases []checkCase }
	loadVectors(t, "phone.json", &v)
	for _, c := range v.Cases {
		t.Run(c.Input, func(t *testing.T) {
			phone, err := NormalizePhone(c.Input)
			if c.Valid {
				if err != nil || phone != c.Normalized {
					t.Fatalf("want %s, got %s err %v", c.Normalized, phone, err)
				}
				return
			}
			if codeOf(err) != c.Code {
				t.Fatalf("want code %s, got %v", c.Code, err)
			}
		})
	}
}

func TestRupiahVectors(t *testing.T) {
	var v struct {
		Format []struct {
			Amount int64  `json:"amount"`
			Output string `json:"output"`
		}
		Parse []struct {
			Input  string `json:"input"`
			Valid  bool   `json:"valid"`
			Amount int64  `json:"amount"`
			Code   string `json:"code"`
		}
	}
	loadVectors(t, "rupiah.json", &v)
	if len(v.Format) == 0 || len(v.Parse) == 0 {
		t.Fatal("no rupiah vectors")
	}
	for _, c := range v.Format {
		if got := FormatRupiah(c.Amount); got != c.Output {
			t.Errorf("FormatRupiah(%d) = %q, want %q", c.Amount, got, c.Output)
		}
	}
	for _, c := range v.Parse {
		got, err := ParseRupiah(c.Input)
		if c.Valid && (err != nil || got != c.Amount) {
			t.Errorf("ParseRupiah(%q) = %d, %v; want %d", c.Input, got, err, c.Amount)
		}
		if !c.Valid && codeOf(err) != c.Code {
			t.Errorf("ParseRupiah(%q) error %v; want code %s", c.Input, err, c.Code)
		}
	}
}
