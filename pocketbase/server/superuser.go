package server

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// ensureSuperuser makes the demo superuser in demo mode. In production it
// refuses to start without an operator-made superuser, and refuses one that
// still has the demo password.
func ensureSuperuser(app core.App, mode Mode) error {
	if mode == ModeDemo {
		return upsertSuperuser(app, DemoSuperuserEmail, DemoSuperuserPassword)
	}

	count, err := app.CountRecords(core.CollectionNameSuperusers,
		dbx.NewExp("email != {:installer}", dbx.Params{"installer": core.DefaultInstallerEmail}))
	if err != nil {
		return err
	}
	if count == 0 {
		return fmt.Errorf("MALPRO_ENV=production needs a superuser made by the operator; create one first:\n" +
			"  pocketbase/bin/malpro superuser upsert EMAIL PASSWORD --dir pocketbase/pb_data")
	}

	demo, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, DemoSuperuserEmail)
	if err == nil && demo.ValidatePassword(DemoSuperuserPassword) {
		return fmt.Errorf("MALPRO_ENV=production: the demo superuser %s still has the demo password; "+
			"delete it or change its password before going live", DemoSuperuserEmail)
	}
	return nil
}

func upsertSuperuser(app core.App, email, password string) error {
	collection, err := app.FindCachedCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		return err
	}
	record, err := app.FindAuthRecordByEmail(collection, email)
	if err != nil {
		record = core.NewRecord(collection)
		record.SetEmail(email)
	} else if record.ValidatePassword(password) {
		return nil // nothing to change; keep its tokens valid
	}
	record.SetPassword(password)
	return app.Save(record)
}

// applyRateLimit switches PocketBase's limiter on or off with rules sized for
// offices behind one NAT (the defaults allow 2 sign-ins per 3 s per IP).
func applyRateLimit(app core.App, enabled bool) error {
	settings := app.Settings()
	want := core.RateLimitsConfig{
		Enabled: enabled,
		Rules: []core.RateLimitRule{
			{Label: "*:auth", MaxRequests: 30, Duration: 10},
			{Label: "*:create", MaxRequests: 100, Duration: 5},
			{Label: "/api/sync/push", MaxRequests: 60, Duration: 10},
			{Label: "/api/", MaxRequests: 1000, Duration: 10},
		},
	}
	if settings.RateLimits.Enabled == want.Enabled && len(settings.RateLimits.Rules) == len(want.Rules) {
		same := true
		for i, r := range settings.RateLimits.Rules {
			if r.Label != want.Rules[i].Label || r.MaxRequests != want.Rules[i].MaxRequests || r.Duration != want.Rules[i].Duration {
				same = false
			}
		}
		if same {
			return nil
		}
	}
	settings.RateLimits = want
	return app.Save(settings)
}
