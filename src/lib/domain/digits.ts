/**
 * An integer's digits grouped by thousands with `separator` (12.500, 3,253). By
 * hand, not Intl.NumberFormat: making one loads the language's number rules, which
 * cost the home page's first render 25-40 ms here (its tiles' counts).
 */
export function groupDigits(n: number, separator: string): string {
	if (!Number.isSafeInteger(n)) return String(n);
	const grouped = Math.abs(n)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
	return n < 0 ? `-${grouped}` : grouped;
}
