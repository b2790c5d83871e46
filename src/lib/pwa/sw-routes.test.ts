import { describe, expect, it } from 'vitest';
import { isCacheableImage, isPageNavigation } from './sw-routes';

const origin = 'https://malpro.malangkota.go.id';

describe('what the service worker answers', () => {
	it.each(['/', '/masuk', '/pengaturan', '/toko/abc/produk', '/penjual'])(
		'a navigation to the page %s gets the precached shell',
		(path) => expect(isPageNavigation(path)).toBe(true)
	);

	it.each([
		'/api/health',
		'/api',
		'/_/',
		'/_',
		'/_app/immutable/x.js',
		'/manifest.webmanifest',
		'/robots.txt',
		'/icon-192.png'
	])('a navigation to %s goes to the network (never the shell)', (path) =>
		expect(isPageNavigation(path)).toBe(false)
	);

	it('caches product photos and thumbnails from the file API of this origin', () => {
		const img = (p: string) => new URL(p, origin);
		expect(
			isCacheableImage(img('/api/files/products/abc123/keripik.jpg?thumb=160x160'), origin)
		).toBe(true);
		expect(isCacheableImage(img('/api/files/pbc_123/abc123/kopi_x1.webp'), origin)).toBe(true);
		expect(isCacheableImage(img('/api/files/products/abc123/foto.PNG'), origin)).toBe(true);
	});

	it('does not cache the API, private files (with a token), or other origins', () => {
		expect(isCacheableImage(new URL('/api/collections/products/records', origin), origin)).toBe(
			false
		);
		expect(
			isCacheableImage(new URL('/api/files/receipts/r1/bukti.jpg?token=ey', origin), origin)
		).toBe(false);
		expect(isCacheableImage(new URL('/api/files/orders/o1/nota.pdf', origin), origin)).toBe(false);
		expect(isCacheableImage(new URL('https://cdn.example/api/files/p/a/b.jpg'), origin)).toBe(
			false
		);
	});
});
