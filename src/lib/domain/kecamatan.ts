/** Kota Malang's five districts, as the server stores them (lowercase). */
export const kecamatanList = ['blimbing', 'kedungkandang', 'klojen', 'lowokwaru', 'sukun'] as const;

export type Kecamatan = (typeof kecamatanList)[number];

/** A district's name as written ("Kedungkandang"): a proper noun, the same in every language. */
export const kecamatanName = (k: Kecamatan): string => k.charAt(0).toUpperCase() + k.slice(1);
