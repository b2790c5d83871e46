/**
 * Exponential backoff with "equal jitter": half fixed, half random, so devices
 * that lost the network together do not all come back at the same moment.
 */
export function backoffDelay(
	attempt: number,
	random: () => number,
	baseMs = 1_000,
	maxMs = 60_000
): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
