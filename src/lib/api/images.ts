/** A product's picture (same origin), as a thumbnail the server made: 160x160 or 480x480. */
export function productImageUrl(
	product: { id: string; image: string },
	thumb?: '160x160' | '480x480'
): string | null {
	if (!product.image) return null;
	const url = `/api/files/products/${product.id}/${encodeURIComponent(product.image)}`;
	return thumb ? `${url}?thumb=${thumb}` : url;
}
