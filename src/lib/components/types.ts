import type { Kecamatan } from '$lib/domain/kecamatan';

/** What a product card shows (the pages pass their own richer rows). */
export type ProductCardView = {
	id: string;
	name: string;
	unit: string;
	price: number;
	stallName: string;
	soldOut: boolean;
	stallOpen: boolean;
	thumb: string | null;
	colour: string;
};

/** What a stall card shows. */
export type StallCardView = {
	id: string;
	name: string;
	kecamatan: Kecamatan;
	isOpen: boolean;
	/** null: not counted (only the cards shown are) */
	productCount: number | null;
};

/** What a category tile shows. */
export type CategoryTileView = { id: string; label: string; colour: string; productCount: number };
