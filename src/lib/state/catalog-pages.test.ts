import { describe, expect, it } from 'vitest';
import type { Stall } from '$lib/api/catalog-records';
import { inOrder } from './catalog-pages';

const stall = (id: string, name: string, isOpen: boolean) => ({ id, name, isOpen }) as Stall;

describe('the home page’s stalls (inOrder)', () => {
	const stalls = [
		stall('s1', 'Kopi Dampit', true),
		stall('s2', 'anyaman rotan', false),
		stall('s3', 'Batik Celaket', true),
		stall('s4', 'Apel Malang', true),
		stall('s5', 'Keripik Tempe Sanan 2', false),
		stall('s6', 'Keripik Tempe Sanan 10', true),
		stall('s7', 'Apel Malang', true)
	];
	const sorted = [...stalls].sort(
		(a, b) =>
			Number(b.isOpen) - Number(a.isOpen) ||
			a.name.localeCompare(b.name, 'id', { sensitivity: 'base', numeric: true }) ||
			a.id.localeCompare(b.id)
	);

	it('puts the first ones in order (open first, by name, numbers as numbers), the rest after', () => {
		for (const first of [1, 3, 5]) {
			const out = inOrder(stalls, first);
			expect(out.slice(0, first)).toEqual(sorted.slice(0, first));
			expect(new Set(out)).toEqual(new Set(stalls));
		}
	});

	it('sorts them all when all are shown', () => {
		expect(inOrder(stalls, 7)).toEqual(sorted);
		expect(inOrder(stalls, Number.POSITIVE_INFINITY)).toEqual(sorted);
		expect(sorted.map((s) => s.id)).toEqual(['s4', 's7', 's3', 's6', 's1', 's2', 's5']);
	});
});
