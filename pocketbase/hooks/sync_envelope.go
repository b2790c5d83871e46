package hooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"time"
)

// Limits of one push (docs/sync-protocol.md).
const (
	MaxPushBytes     = 1 << 20
	MaxPushMutations = 100
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]{15}$`)
	clientIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	namePattern     = regexp.MustCompile(`^[a-z]+\.[a-z_]+$`)
)

// Mutation is one change a device made, as it sent it.
type Mutation struct {
	ID        string
	Name      string
	Args      json.RawMessage // a JSON object, compacted
	CreatedAt time.Time
}

// envelopeError is a push the server refuses whole, before anything is applied.
type envelopeError struct {
	Status  int
	Code    string
	Message string
}

func (e *envelopeError) Error() string { return e.Code + ": " + e.Message }

func badEnvelope(code, format string, a ...any) *envelopeError {
	return &envelopeError{Status: 400, Code: code, Message: fmt.Sprintf(format, a...)}
}

// readEnvelope reads and checks a whole push body: size, JSON, every field's
// type and shape. Nothing is applied unless all of it is well formed.
func readEnvelope(body io.Reader) (clientID string, mutations []Mutation, err error) {
	raw, readErr := io.ReadAll(io.LimitReader(body, MaxPushBytes+1))
	if readErr != nil {
		return "", nil, badEnvelope("body_unreadable", "the request body could not be read")
	}
	if len(raw) > MaxPushBytes {
		return "", nil, &envelopeError{Status: 413, Code: "too_large", Message: "a push is at most 1 MB; send fewer mutations at once"}
	}

	var env struct {
		ClientID  *string `json:"clientId"`
		Mutations *[]struct {
			ID        *string         `json:"id"`
			Name      *string         `json:"name"`
			Args      json.RawMessage `json:"args"`
			CreatedAt *string         `json:"createdAt"`
		} `json:"mutations"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&env); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return "", nil, badEnvelope("envelope_invalid", "field %q has the wrong type", typeErr.Field)
		}
		return "", nil, badEnvelope("json_invalid", "the body is not a JSON object")
	}
	if dec.More() {
		return "", nil, badEnvelope("json_invalid", "the body holds more than one JSON value")
	}
	if env.ClientID == nil || !clientIDPattern.MatchString(*env.ClientID) {
		return "", nil, badEnvelope("envelope_invalid", "clientId is 1-64 letters, digits, _ or -")
	}
	if env.Mutations == nil {
		return "", nil, badEnvelope("envelope_invalid", "mutations is required (an array)")
	}
	if len(*env.Mutations) > MaxPushMutations {
		return "", nil, &envelopeError{Status: 413, Code: "too_many_mutations", Message: "a push holds at most 100 mutations"}
	}

	seen := map[string]bool{}
	for i, m := range *env.Mutations {
		switch {
		case m.ID == nil || !idPattern.MatchString(*m.ID):
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].id is 15 characters a-z0-9", i)
		case seen[*m.ID]:
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].id appears twice in one push", i)
		case m.Name == nil || len(*m.Name) > 64 || !namePattern.MatchString(*m.Name):
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].name is like \"order.place\"", i)
		case len(bytes.TrimSpace(m.Args)) == 0 || bytes.TrimSpace(m.Args)[0] != '{':
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].args is a JSON object", i)
		case m.CreatedAt == nil:
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].createdAt is required", i)
		}
		created, err := time.Parse(time.RFC3339Nano, *m.CreatedAt)
		if err != nil {
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].createdAt is an ISO 8601 time", i)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, m.Args); err != nil {
			return "", nil, badEnvelope("envelope_invalid", "mutations[%d].args is not valid JSON", i)
		}
		seen[*m.ID] = true
		mutations = append(mutations, Mutation{ID: *m.ID, Name: *m.Name, Args: compact.Bytes(), CreatedAt: created})
	}
	return *env.ClientID, mutations, nil
}
