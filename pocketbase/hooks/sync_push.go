package hooks

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Result statuses of a pushed mutation.
const (
	ResultApplied   = "applied"
	ResultDuplicate = "duplicate"
	ResultRejected  = "rejected"
)

// MutationResult is the server's answer for one mutation.
type MutationResult struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	Data    any    `json:"data,omitempty"`
}

// Rejection is a mutation that cannot be applied: a stable code and an
// Indonesian message for the person, optionally with data to act on.
type Rejection struct {
	Code    string
	Message string
	Data    any
}

func (r *Rejection) Error() string { return r.Code }

func reject(code, message string) *Rejection { return &Rejection{Code: code, Message: message} }

// Actor is who pushed: the signed-in buyer or seller.
type Actor struct {
	Record *core.Record
	Role   string // "buyer" or "seller"
}

// Owner keys idempotency: mutation ids are unique per signed-in user.
func (a Actor) Owner() string { return a.Record.Collection().Name + ":" + a.Record.Id }

// MutationContext is what a handler gets: the transaction's app (never the
// outer app: deadlock), the actor and when the server received the push.
type MutationContext struct {
	App        core.App
	Actor      Actor
	Mutation   Mutation
	ReceivedAt time.Time
}

// mutationHandler applies one mutation inside its transaction and returns the
// data to answer with, or a *Rejection (everything it wrote is rolled back).
type mutationHandler func(ctx MutationContext) (any, error)

var mutationHandlers = map[string]mutationHandler{}

func registerSyncPush(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.POST("/api/sync/push", func(e *core.RequestEvent) error {
			return handlePush(e, time.Now)
		})
		return se.Next()
	})
}

func handlePush(e *core.RequestEvent, now func() time.Time) error {
	actor, apiErr := actorOf(e.Auth)
	if apiErr != nil {
		return e.JSON(apiErr.Status, map[string]string{"code": apiErr.Code, "message": apiErr.Message})
	}
	clientID, mutations, err := readEnvelope(e.Request.Body)
	if err != nil {
		var env *envelopeError
		errors.As(err, &env)
		return e.JSON(env.Status, map[string]string{"code": env.Code, "message": env.Message})
	}

	received := now().UTC()
	results := make([]MutationResult, 0, len(mutations))
	for _, m := range mutations {
		res, err := applyOnce(e.App, actor, clientID, m, received)
		if err != nil {
			// a server fault (not the mutation's): earlier results are stored,
			// so the device resends the batch and gets them back as duplicates
			e.App.Logger().Error("sync push", "mutation", m.ID, "error", err)
			return e.JSON(http.StatusServiceUnavailable, map[string]string{
				"code": "retry", "message": "Server sedang sibuk; perubahan akan dikirim ulang otomatis.",
			})
		}
		results = append(results, res)
	}
	return e.JSON(http.StatusOK, map[string]any{"results": results})
}

func actorOf(auth *core.Record) (Actor, *envelopeError) {
	if auth == nil {
		return Actor{}, &envelopeError{Status: 401, Code: "auth_required", Message: "Sesi berakhir. Silakan masuk lagi; perubahan Anda tetap tersimpan."}
	}
	var role string
	switch auth.Collection().Name {
	case "buyers":
		role = "buyer"
	case "sellers":
		role = "seller"
	default:
		return Actor{}, &envelopeError{Status: 403, Code: "role_not_allowed", Message: "Akun ini tidak dapat mengirim perubahan."}
	}
	if !auth.GetBool("active") {
		return Actor{}, &envelopeError{Status: 403, Code: "account_inactive", Message: "Akun Anda tidak aktif. Hubungi admin kota."}
	}
	return Actor{Record: auth, Role: role}, nil
}

func argsHash(m Mutation) string {
	sum := sha256.Sum256(append([]byte(m.Name+"\n"), m.Args...))
	return hex.EncodeToString(sum[:])
}

type storedMutation struct {
	ArgsHash string         `db:"args_hash"`
	Status   string         `db:"status"`
	Code     string         `db:"code"`
	Message  string         `db:"message"`
	Data     sql.NullString `db:"data"`
}

func findStored(app core.App, owner, id string) (*storedMutation, error) {
	var s storedMutation
	err := app.DB().Select("args_hash", "status", "code", "message", "data").From("mutations").
		Where(dbx.HashExp{"owner": owner, "mutation_id": id}).One(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &s, err
}

// answerStored answers a mutation id seen before: the stored result, as a
// duplicate (or id_reused when the same id now carries other args).
func answerStored(s *storedMutation, m Mutation) MutationResult {
	if s.ArgsHash != argsHash(m) {
		return MutationResult{ID: m.ID, Status: ResultRejected, Code: "id_reused",
			Message: "Id perubahan ini sudah dipakai untuk perubahan lain. Buat ulang perubahan ini."}
	}
	res := MutationResult{ID: m.ID, Status: ResultDuplicate, Code: s.Code, Message: s.Message}
	if s.Status == ResultRejected {
		res.Status = ResultRejected // a rejection stays a rejection however often it is sent
	}
	if s.Data.Valid && s.Data.String != "" && s.Data.String != "null" {
		res.Data = json.RawMessage(s.Data.String)
	}
	return res
}

// applyOnce applies m at most once per (user, mutation id): its effects and its
// stored result commit in one transaction.
func applyOnce(app core.App, actor Actor, clientID string, m Mutation, received time.Time) (MutationResult, error) {
	owner := actor.Owner()
	if s, err := findStored(app, owner, m.ID); err != nil {
		return MutationResult{}, err
	} else if s != nil {
		return answerStored(s, m), nil
	}

	handler, ok := mutationHandlers[m.Name]
	if !ok {
		rej := reject("unknown_mutation", "Jenis perubahan ini tidak dikenal server. Perbarui aplikasi.")
		return storeRejection(app, owner, clientID, m, rej)
	}

	var data any
	var rejection *Rejection
	txErr := app.RunInTransaction(func(tx core.App) error {
		var err error
		data, err = handler(MutationContext{App: tx, Actor: actor, Mutation: m, ReceivedAt: received})
		if err != nil {
			return err // a rejection rolls back whatever the handler wrote
		}
		return saveResult(tx, owner, clientID, m, ResultApplied, nil, data)
	})
	switch {
	case txErr == nil:
		return MutationResult{ID: m.ID, Status: ResultApplied, Data: data}, nil
	case errors.As(txErr, &rejection):
		return storeRejection(app, owner, clientID, m, rejection)
	default:
		// the same id committed meanwhile (another tab, a resend): answer that
		if s, err := findStored(app, owner, m.ID); err == nil && s != nil {
			return answerStored(s, m), nil
		}
		return MutationResult{}, txErr
	}
}

func storeRejection(app core.App, owner, clientID string, m Mutation, rej *Rejection) (MutationResult, error) {
	if err := saveResult(app, owner, clientID, m, ResultRejected, rej, rej.Data); err != nil {
		if s, findErr := findStored(app, owner, m.ID); findErr == nil && s != nil {
			return answerStored(s, m), nil
		}
		return MutationResult{}, err
	}
	return MutationResult{ID: m.ID, Status: ResultRejected, Code: rej.Code, Message: rej.Message, Data: rej.Data}, nil
}

func saveResult(app core.App, owner, clientID string, m Mutation, status string, rej *Rejection, data any) error {
	log, err := app.FindCachedCollectionByNameOrId("mutations")
	if err != nil {
		return err
	}
	r := core.NewRecord(log)
	r.Set("owner", owner)
	r.Set("mutation_id", m.ID)
	r.Set("name", m.Name)
	r.Set("args_hash", argsHash(m))
	r.Set("client_id", clientID)
	r.Set("status", status)
	if rej != nil {
		r.Set("code", rej.Code)
		r.Set("message", rej.Message)
	}
	if data != nil {
		r.Set("data", data)
	}
	return app.Save(r)
}
