package seed

// DemoPassword is the password of every demo account (demo mode only).
const DemoPassword = "malpro123"

// Slugs of the two stalls the demo sellers work at.
const (
	SananStallSlug  = "keripik-tempe-sanan"
	DampitStallSlug = "kopi-dampit"
)

// Account is a demo sign-in. Admins and sellers sign in with Email, buyers
// (ASN) with NIP.
type Account struct {
	Collection string // "admins", "buyers" or "sellers"
	Email      string
	NIP        string
	Name       string
	Phone      string

	OPD       string // buyers: the OPD code
	Kecamatan string // buyers
	Address   string // buyers

	Stall string // sellers: the stall slug
	Role  string // sellers: "owner" or "helper"
}

// Identity is what the account signs in with.
func (a Account) Identity() string {
	if a.Collection == "buyers" {
		return a.NIP
	}
	return a.Email
}

// DemoAccounts are the documented demo sign-ins (README), all with DemoPassword.
// Every other stall also gets an owner, <slug>@malpro.test (see stallOwners).
var DemoAccounts = []Account{
	{Collection: "admins", Email: "admin@malpro.test", Name: "Admin Diskominfo"},
	{
		Collection: "buyers", NIP: "198507142010011002", Name: "Budi Santoso", Phone: "+6281234567801",
		OPD: "DISKOMINFO", Kecamatan: "lowokwaru", Address: "Jl. Soekarno Hatta No. 5, Lowokwaru, Kota Malang",
	},
	{
		Collection: "buyers", NIP: "199203252019032001", Name: "Siti Rahmawati", Phone: "+6281234567802",
		OPD: "DISKOPINDAG", Kecamatan: "klojen", Address: "Jl. Kawi Atas No. 21, Gading Kasri, Klojen, Kota Malang",
	},
	{
		Collection: "sellers", Email: "keripik.sanan@malpro.test", Name: "Sri Wahyuni", Phone: "+6281333000001",
		Stall: SananStallSlug, Role: "owner",
	},
	{
		Collection: "sellers", Email: "sanan.helper@malpro.test", Name: "Dewi Lestari", Phone: "+6281333000002",
		Stall: SananStallSlug, Role: "helper",
	},
	{
		Collection: "sellers", Email: "kopi.dampit@malpro.test", Name: "Slamet Riyadi", Phone: "+6281333000003",
		Stall: DampitStallSlug, Role: "owner",
	},
}

// stallOwners are owner accounts for the stalls that have none in
// DemoAccounts, so every stall (pending ones too) can be signed into.
func stallOwners(stalls []stallPlan) []Account {
	owned := map[string]bool{}
	for _, a := range DemoAccounts {
		if a.Collection == "sellers" && a.Role == "owner" {
			owned[a.Stall] = true
		}
	}
	var out []Account
	for _, s := range stalls {
		if owned[s.slug] {
			continue
		}
		out = append(out, Account{
			Collection: "sellers", Email: s.slug + "@malpro.test", Name: s.owner,
			Phone: s.phone, Stall: s.slug, Role: "owner",
		})
	}
	return out
}
