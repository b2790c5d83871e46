import { afterEach, describe, expect, it } from 'vitest';
import { i18n, t } from './i18n.svelte';

describe('the messages as shown', () => {
	afterEach(() => i18n.setLocale('id'));

	it('fill their placeholders, and group counts as the language writes them', async () => {
		expect(t('browse.productCount', { n: 3253 })).toBe('3.253 produk');
		expect(t('category.restAfterCatalog', { shown: 24, n: 12_500 })).toMatch(
			/^Menampilkan 24 dari 12\.500 produk\./
		);
		expect(t('browse.results', { n: 7, q: 'kopi 1000' })).toBe('7 produk cocok dengan “kopi 1000”');
		await i18n.setLocale('en');
		expect(t('browse.productCount', { n: 3253 })).toBe('3,253 products');
		// a placeholder without its value stays visible, rather than reading "undefined"
		expect(t('browse.productCount')).toBe('{n} products');
	});
});
