package migrations

import (
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// firstMalproMigration is the timestamp of this project's first migration;
// PocketBase's own system migrations are older.
const firstMalproMigration = 1764300000

// Files lists Malpro's registered migration files, oldest first.
func Files() []string {
	var out []string
	for _, m := range core.AppMigrations.Items() {
		stamp, _, _ := strings.Cut(m.File, "_")
		if n, err := strconv.Atoi(stamp); err == nil && n >= firstMalproMigration {
			out = append(out, m.File)
		}
	}
	return out
}
