// Package domain holds Malpro's pure rules on the server side. Each rule that
// the app computes too is held to the same answers by tests/vectors/*.json.
package domain

import "strings"

// ValidationError names the rule broken with a stable code (the app shows its
// own Indonesian message for the code).
type ValidationError struct {
	Code    string
	Message string
}

func (e *ValidationError) Error() string { return e.Code + ": " + e.Message }

func invalid(code, message string) *ValidationError {
	return &ValidationError{Code: code, Message: message}
}

// stripSpaces removes the spaces people put in long numbers.
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
