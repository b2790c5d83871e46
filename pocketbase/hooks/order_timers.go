package hooks

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"malpro/domain"
)

// Timers of the order state machine.
const (
	ExpireUnansweredAfter = 24 * time.Hour // placed or needs_confirmation, nobody answered
	AutoCompleteAfter     = 48 * time.Hour // delivered, the buyer never confirmed receipt
)

func dbxOrder(orderID string) dbx.Expression { return dbx.HashExp{"order": orderID} }

func registerOrderTimers(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.App.Cron().MustAdd("malproOrderTimers", "* * * * *", func() {
			if _, err := RunOrderTimers(se.App, time.Now()); err != nil {
				se.App.Logger().Error("order timers", "error", err)
			}
		})
		return se.Next()
	})
}

// RunOrderTimers expires unanswered orders and completes delivered ones whose
// time is up, each in its own transaction; it returns how many it moved.
func RunOrderTimers(app core.App, now time.Time) (int, error) {
	jobs := []struct {
		from   domain.OrderStatus
		after  time.Duration
		action domain.OrderAction
	}{
		{domain.StatusPlaced, ExpireUnansweredAfter, domain.ActionExpire},
		{domain.StatusNeedsConfirmation, ExpireUnansweredAfter, domain.ActionExpire},
		{domain.StatusDelivered, AutoCompleteAfter, domain.ActionAutoComplete},
	}
	moved := 0
	for _, job := range jobs {
		cutoff := now.Add(-job.after).UTC().Format("2006-01-02 15:04:05.000Z")
		due, err := app.FindRecordsByFilter("orders", "status = {:status} && status_changed < {:cutoff}",
			"status_changed", 500, 0, dbx.Params{"status": string(job.from), "cutoff": cutoff})
		if err != nil {
			return moved, err
		}
		for _, order := range due {
			from := job.from
			to, ok := domain.NextStatus(from, job.action, domain.RoleSystem)
			if !ok {
				continue
			}
			err := app.RunInTransaction(func(tx core.App) error {
				fresh, err := tx.FindRecordById("orders", order.Id)
				if err != nil || fresh.GetString("status") != string(from) {
					return err // moved meanwhile by a person: leave it
				}
				return applyMove(tx, fresh, to, "", now)
			})
			if err != nil {
				return moved, err
			}
			moved++
		}
	}
	return moved, nil
}
