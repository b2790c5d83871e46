// Package migrations holds Malpro's Go migrations (collections, rules, indexes).
// Each file registers one up and one down with m.Register.
package migrations
