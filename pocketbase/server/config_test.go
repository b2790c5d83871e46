package server

import "testing"

func TestConfigFromEnv(t *testing.T) {
	env := func(kv map[string]string) func(string) string {
		return func(k string) string { return kv[k] }
	}
	scenarios := []struct {
		name      string
		env       map[string]string
		wantMode  Mode
		wantLimit bool
		wantErr   bool
	}{
		{"defaults to demo with the limiter on", map[string]string{}, ModeDemo, true, false},
		{"production", map[string]string{"MALPRO_ENV": "production"}, ModeProduction, true, false},
		{"tests turn the limiter off", map[string]string{"MALPRO_RATE_LIMIT": "off"}, ModeDemo, false, false},
		{"unknown mode is refused", map[string]string{"MALPRO_ENV": "staging"}, "", false, true},
		{"unknown limiter value is refused", map[string]string{"MALPRO_RATE_LIMIT": "maybe"}, "", false, true},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			cfg, err := ConfigFromEnv(env(s.env))
			if s.wantErr {
				if err == nil {
					t.Fatal("want an error")
				}
				return
			}
			if err != nil || cfg.Mode != s.wantMode || cfg.RateLimit != s.wantLimit || cfg.PublicDir == "" ||
				cfg.DemoData != (s.wantMode == ModeDemo) {
				t.Fatalf("got %+v, %v", cfg, err)
			}
		})
	}
}
