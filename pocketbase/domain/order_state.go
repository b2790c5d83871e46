package domain

// OrderStatus is the server's state of an order. Only the server changes it;
// devices send actions that are checked here.
type OrderStatus string

const (
	StatusPlaced            OrderStatus = "placed"
	StatusNeedsConfirmation OrderStatus = "needs_confirmation"
	StatusAccepted          OrderStatus = "accepted"
	StatusRejected          OrderStatus = "rejected"
	StatusReady             OrderStatus = "ready"
	StatusOnTheWay          OrderStatus = "on_the_way"
	StatusDelivered         OrderStatus = "delivered"
	StatusCompleted         OrderStatus = "completed"
	StatusCancelled         OrderStatus = "cancelled"
	StatusExpired           OrderStatus = "expired"
)

// AllOrderStatuses in lifecycle order.
var AllOrderStatuses = []OrderStatus{
	StatusPlaced, StatusNeedsConfirmation, StatusAccepted, StatusRejected, StatusReady,
	StatusOnTheWay, StatusDelivered, StatusCompleted, StatusCancelled, StatusExpired,
}

// Role is who asks for a move.
type Role string

const (
	RoleBuyer  Role = "buyer"
	RoleSeller Role = "seller"
	// RoleSystem is the server's own scheduled jobs (expiry, auto-completion).
	RoleSystem Role = "system"
)

// OrderAction is a move someone may request.
type OrderAction string

const (
	ActionConfirm      OrderAction = "confirm" // buyer accepts the server's new totals
	ActionCancel       OrderAction = "cancel"  // buyer, before the seller accepts
	ActionAccept       OrderAction = "accept"
	ActionReject       OrderAction = "reject"
	ActionReady        OrderAction = "ready"         // packed, waiting for pickup or courier
	ActionShip         OrderAction = "ship"          // on the way to the buyer's office
	ActionDeliver      OrderAction = "deliver"       // handed over
	ActionReceive      OrderAction = "receive"       // buyer confirms receipt
	ActionExpire       OrderAction = "expire"        // unanswered 24 h
	ActionAutoComplete OrderAction = "auto_complete" // delivered 48 h ago
)

// AllOrderActions in a stable order (the vectors enumerate them).
var AllOrderActions = []OrderAction{
	ActionConfirm, ActionCancel, ActionAccept, ActionReject, ActionReady,
	ActionShip, ActionDeliver, ActionReceive, ActionExpire, ActionAutoComplete,
}

type transition struct {
	from   OrderStatus
	action OrderAction
	role   Role
	to     OrderStatus
}

// transitions is the whole order state machine; tests/vectors/order_transitions.json
// holds the TypeScript copy (src/lib/domain/order-state.ts) to the same answers.
var transitions = []transition{
	{StatusNeedsConfirmation, ActionConfirm, RoleBuyer, StatusPlaced},
	{StatusNeedsConfirmation, ActionCancel, RoleBuyer, StatusCancelled},
	{StatusPlaced, ActionCancel, RoleBuyer, StatusCancelled},
	{StatusPlaced, ActionAccept, RoleSeller, StatusAccepted},
	{StatusPlaced, ActionReject, RoleSeller, StatusRejected},
	{StatusAccepted, ActionReady, RoleSeller, StatusReady},
	{StatusAccepted, ActionShip, RoleSeller, StatusOnTheWay},
	{StatusReady, ActionShip, RoleSeller, StatusOnTheWay},
	{StatusReady, ActionDeliver, RoleSeller, StatusDelivered}, // picked up at the stall
	{StatusOnTheWay, ActionDeliver, RoleSeller, StatusDelivered},
	{StatusDelivered, ActionReceive, RoleBuyer, StatusCompleted},
	{StatusPlaced, ActionExpire, RoleSystem, StatusExpired},
	{StatusNeedsConfirmation, ActionExpire, RoleSystem, StatusExpired},
	{StatusDelivered, ActionAutoComplete, RoleSystem, StatusCompleted},
}

// NextStatus answers where action by role moves an order in status from;
// ok is false when the move is not allowed.
func NextStatus(from OrderStatus, action OrderAction, role Role) (OrderStatus, bool) {
	for _, t := range transitions {
		if t.from == from && t.action == action && t.role == role {
			return t.to, true
		}
	}
	return "", false
}

// IsFinal tells the statuses no action leaves.
func IsFinal(s OrderStatus) bool {
	switch s {
	case StatusRejected, StatusCompleted, StatusCancelled, StatusExpired:
		return true
	}
	return false
}

// HoldsStock tells the statuses in which the order's quantities are taken
// from the products' stock (given back on cancel, reject or expiry).
func HoldsStock(s OrderStatus) bool {
	switch s {
	case StatusPlaced, StatusAccepted, StatusReady, StatusOnTheWay, StatusDelivered, StatusCompleted:
		return true
	}
	return false
}
