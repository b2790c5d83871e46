/**
 * Names in Indonesian order: case and accents aside, numbers by value ("Lapak 2"
 * before "Lapak 10"), then by id so equal names keep one order. The collator is
 * made on first use: making one loads the language's rules, which costs a slow
 * phone a long moment at start-up if done while the app's modules load.
 */
let collator: Intl.Collator | undefined;

export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	collator ??= new Intl.Collator('id', { sensitivity: 'base', numeric: true });
	return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
