package server

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"malpro/testutil"
)

func TestEnsureSuperuser(t *testing.T) {
	t.Run("demo mode makes the demo superuser, twice without change", func(t *testing.T) {
		app := testutil.NewApp(t, nil)
		for i := 0; i < 2; i++ {
			if err := ensureSuperuser(app, ModeDemo); err != nil {
				t.Fatal(err)
			}
		}
		su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, DemoSuperuserEmail)
		if err != nil || !su.ValidatePassword(DemoSuperuserPassword) {
			t.Fatalf("demo superuser missing or wrong password: %v", err)
		}
	})

	t.Run("production refuses to start without a superuser", func(t *testing.T) {
		app := testutil.NewApp(t, nil)
		err := ensureSuperuser(app, ModeProduction)
		if err == nil || !strings.Contains(err.Error(), "superuser upsert") {
			t.Fatalf("want a refusal that says how to make one, got %v", err)
		}
	})

	t.Run("production refuses the demo superuser with the demo password", func(t *testing.T) {
		app := testutil.NewApp(t, nil)
		if err := upsertSuperuser(app, DemoSuperuserEmail, DemoSuperuserPassword); err != nil {
			t.Fatal(err)
		}
		if err := ensureSuperuser(app, ModeProduction); err == nil {
			t.Fatal("want a refusal")
		}
	})

	t.Run("production starts with an operator superuser", func(t *testing.T) {
		app := testutil.NewApp(t, nil)
		if err := upsertSuperuser(app, "ops@malangkota.go.id", "a-long-operator-secret"); err != nil {
			t.Fatal(err)
		}
		if err := ensureSuperuser(app, ModeProduction); err != nil {
			t.Fatal(err)
		}
	})
}

func TestApplyRateLimit(t *testing.T) {
	app := testutil.NewApp(t, nil)
	if err := applyRateLimit(app, true); err != nil {
		t.Fatal(err)
	}
	if !app.Settings().RateLimits.Enabled || len(app.Settings().RateLimits.Rules) == 0 {
		t.Fatal("limiter should be on with rules")
	}
	if err := applyRateLimit(app, false); err != nil {
		t.Fatal(err)
	}
	if app.Settings().RateLimits.Enabled {
		t.Fatal("limiter should be off")
	}
}
