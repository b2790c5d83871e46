// Package server wires Malpro's behaviour into a PocketBase app: run modes,
// the superuser guarantee, the PWA with its SPA fallback and the migrations.
package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Mode says whether the server runs with demo data or for real.
type Mode string

const (
	// ModeDemo loads the demo city and the demo accounts (the default).
	ModeDemo Mode = "demo"
	// ModeProduction starts empty and requires an operator-made superuser.
	ModeProduction Mode = "production"
)

// Demo superuser, also printed at start and listed in the README.
const (
	DemoSuperuserEmail    = "admin@malpro.test"
	DemoSuperuserPassword = "malpro123"
)

// Config is what the environment decides about a run.
type Config struct {
	Mode Mode
	// RateLimit turns PocketBase's per-IP rate limiter on (tests turn it off:
	// every test request comes from 127.0.0.1).
	RateLimit bool
	// PublicDir holds the built PWA; empty means next to the binary.
	PublicDir string
	// DemoData loads the demo city on start (demo mode; off in unit tests of
	// other concerns, where 1.5 s per test app adds up).
	DemoData bool
}

// ConfigFromEnv reads MALPRO_ENV, MALPRO_RATE_LIMIT and MALPRO_PUBLIC_DIR.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{Mode: ModeDemo, RateLimit: true, PublicDir: getenv("MALPRO_PUBLIC_DIR")}

	switch env := strings.ToLower(strings.TrimSpace(getenv("MALPRO_ENV"))); env {
	case "", "demo", "development":
		cfg.Mode = ModeDemo
	case "production", "prod":
		cfg.Mode = ModeProduction
	default:
		return cfg, fmt.Errorf("MALPRO_ENV=%q is not a mode: use \"demo\" (default) or \"production\"", env)
	}

	switch rl := strings.ToLower(strings.TrimSpace(getenv("MALPRO_RATE_LIMIT"))); rl {
	case "", "on", "1", "true":
		cfg.RateLimit = true
	case "off", "0", "false":
		cfg.RateLimit = false
	default:
		return cfg, fmt.Errorf("MALPRO_RATE_LIMIT=%q: use \"on\" or \"off\"", rl)
	}

	cfg.DemoData = cfg.Mode == ModeDemo
	if cfg.PublicDir == "" {
		cfg.PublicDir = filepath.Join(executableDir(), "..", "pb_public")
	}

	return cfg, nil
}

// DefaultDataDir is pocketbase/pb_data when the binary sits in pocketbase/bin.
func DefaultDataDir() string {
	return filepath.Join(executableDir(), "..", "pb_data")
}

func executableDir() string {
	exe, err := os.Executable()
	if err != nil {
		return "."
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	return filepath.Dir(exe)
}
