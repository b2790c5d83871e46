// Benchmark figures: printed as they are measured, and collected into one
// table (printed by the test file at the end, and by scripts/bench.mjs after
// vitest when MALPRO_BENCH_OUT names a file to write them to).
import { appendFileSync } from 'node:fs';

export type BenchRow = {
	benchmark: string;
	malpro: string;
	baseline: string;
	ratio: string;
};

export const rows: BenchRow[] = [];

export function record(row: BenchRow): void {
	rows.push(row);
	console.log(`bench: ${row.benchmark}: ${row.malpro} vs ${row.baseline} → ratio ${row.ratio}`);
	const out = process.env.MALPRO_BENCH_OUT;
	if (out) appendFileSync(out, JSON.stringify(row) + '\n');
}

export function table(list: BenchRow[]): string {
	const head: BenchRow = {
		benchmark: 'benchmark',
		malpro: 'malpro',
		baseline: 'baseline (same run)',
		ratio: 'ratio'
	};
	const all = [head, ...list];
	const width = (k: keyof BenchRow) => Math.max(...all.map((r) => r[k].length));
	const line = (r: BenchRow) =>
		(['benchmark', 'malpro', 'baseline', 'ratio'] as const)
			.map((k) => r[k].padEnd(width(k)))
			.join('  ')
			.trimEnd();
	const rule = '-'.repeat(line(head).length);
	return [line(head), rule, ...list.map(line)].join('\n');
}

export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const perSec = (n: number, ms: number) => `${Math.round((n * 1000) / ms)} orders/s`;
