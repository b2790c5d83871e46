package domain

import (
	"slices"
	"testing"
)

func TestOrderTransitionVectors(t *testing.T) {
	var v struct {
		Statuses []OrderStatus
		Actions  []OrderAction
		Roles    []Role
		Allowed  []struct {
			From   OrderStatus
			Action OrderAction
			Role   Role
			To     OrderStatus
		}
		Final      []OrderStatus
		HoldsStock []OrderStatus `json:"holdsStock"`
	}
	loadVectors(t, "order_transitions.json", &v)
	if !slices.Equal(v.Statuses, AllOrderStatuses) || !slices.Equal(v.Actions, AllOrderActions) {
		t.Fatalf("statuses/actions differ from the vectors")
	}

	checked := 0
	for _, from := range v.Statuses {
		for _, action := range v.Actions {
			for _, role := range v.Roles {
				var want OrderStatus
				for _, a := range v.Allowed {
					if a.From == from && a.Action == action && a.Role == role {
						want = a.To
					}
				}
				got, ok := NextStatus(from, action, role)
				if ok != (want != "") || got != want {
					t.Errorf("%s --%s/%s--> got %q,%v want %q", from, action, role, got, ok, want)
				}
				checked++
			}
		}
	}
	if checked != 300 {
		t.Fatalf("checked %d combinations", checked)
	}
	for _, s := range v.Statuses {
		if IsFinal(s) != slices.Contains(v.Final, s) {
			t.Errorf("IsFinal(%s) wrong", s)
		}
		if HoldsStock(s) != slices.Contains(v.HoldsStock, s) {
			t.Errorf("HoldsStock(%s) wrong", s)
		}
	}
}
