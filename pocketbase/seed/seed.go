// Package seed loads the demo city on first start in demo mode: categories,
// OPDs, stalls in the five kecamatan with their products and pictures, and
// the demo accounts (DemoAccounts, password DemoPassword).
package seed

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// loadedParam is the _params row written with the data. It marks the load as
// done for good: deleting demo rows later must not make the next start load
// again (and fail on the unique slugs).
const loadedParam = "malpro_demo_loaded"

// LoadDemo loads the demo data once, in one transaction; calling it again
// changes nothing and returns in about a millisecond.
func LoadDemo(app core.App) error {
	if done, err := demoLoaded(app); err != nil || done {
		return err
	}
	started := time.Now()

	// The pictures are pure CPU work: drawn on the other cores meanwhile.
	plans := planStalls()
	pictures := drawPictures(imageJobs(plans))

	var products int
	err := app.RunInTransaction(func(txApp core.App) error {
		// checked again: another process may have loaded it meanwhile
		if done, err := demoLoaded(txApp); err != nil || done {
			return err
		}
		l := &loader{app: txApp, ids: map[string]map[string]string{}}
		var err error
		products, err = l.load(plans, pictures)
		return err
	})
	if err != nil || products == 0 {
		return err // products == 0: the other process loaded it
	}
	app.Logger().Info("Loaded the demo city",
		"stalls", len(plans), "products", products, "duration", time.Since(started).String())
	return nil
}

func demoLoaded(app core.App) (bool, error) {
	var n int
	err := app.DB().Select("count(*)").From((&core.Param{}).TableName()).
		Where(dbx.HashExp{"id": loadedParam}).Row(&n)
	return n > 0, err
}

func markLoaded(app core.App) error {
	p := &core.Param{Value: types.JSONRaw(`{"version":1}`)}
	p.Id = loadedParam
	p.Created, p.Updated = types.NowDateTime(), types.NowDateTime()
	return app.Save(p)
}

func imageJobs(plans []stallPlan) []imageJob {
	var jobs []imageJob
	for _, s := range plans {
		for _, p := range s.products {
			jobs = append(jobs, imageJob{category: p.category, name: p.name, shape: p.shape})
		}
	}
	return jobs
}
