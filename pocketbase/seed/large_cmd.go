package seed

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"
)

// NewLargeCommand is `malpro seed-large [--stalls N] [--products N]`: the
// large catalog into the data dir given by PocketBase's --dir flag.
func NewLargeCommand(app core.App) *cobra.Command {
	o := DefaultLarge
	cmd := &cobra.Command{
		Use:   "seed-large",
		Short: "Loads the demo city topped up to a large catalog (1,000 stalls, 10,000 products)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			started := time.Now()
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			rep, err := LoadLarge(app, o)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if rep.AlreadyLoaded {
				fmt.Fprintf(out, "The large catalog was already loaded in %s: %d stalls, %d products.\n",
					app.DataDir(), rep.Stalls, rep.Products)
				return nil
			}
			fmt.Fprintf(out, "Loaded %d stalls and %d products into %s in %s "+
				"(demo city %s, %d generated stalls with %d products %s).\n",
				rep.Stalls, rep.Products, app.DataDir(), time.Since(started).Round(time.Millisecond),
				rep.Demo.Round(time.Millisecond), rep.AddedStalls, rep.AddedProducts,
				rep.Generated.Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().IntVar(&o.Stalls, "stalls", o.Stalls, "stalls in total, demo city included")
	cmd.Flags().IntVar(&o.Products, "products", o.Products, "products in total, demo city included")
	return cmd
}
