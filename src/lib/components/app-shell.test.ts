import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kecamatanList, kecamatanName } from '$lib/domain/kecamatan';
import { en } from '$lib/i18n/en';
import { id, type MessageKey } from '$lib/i18n/id';
import { FRAMED_EVENT, SHOWN_EVENT, SNAPSHOT_KEY, SNAPSHOT_VERSION } from '$lib/pwa/home-snapshot';

// The first paint in src/app.html repeats texts of the app: they must stay the app's.
const html = readFileSync('src/app.html', 'utf8');
// (whitespace as one space: the formatter breaks lines where it likes)
const shell = html
	.slice(html.indexOf('id="app-shell"'), html.indexOf('id="app-start"'))
	.replace(/\s+/g, ' ')
	.replace(/\s*>\s*/g, '>')
	.replace(/\s*<\s*/g, '<');

/** The [Indonesian, English] pairs the first paint shows (one shown per the chosen language). */
const pairs = [
	...shell.matchAll(/<span class="shell-id">([^<]*)<\/span><span class="shell-en">([^<]*)<\/span/g)
].map((m) => [m[1], m[2]]);

describe('the first paint (src/app.html)', () => {
	it('says what the app says, in both languages', () => {
		const keys: MessageKey[] = [
			'app.tagline',
			'lang.switch',
			'signin.intro',
			'signin.title',
			'browse.searchSubmit',
			'browse.categories',
			'browse.loading',
			'browse.nearby'
		];
		expect(pairs).toEqual(keys.map((k) => [id[k], en[k]]));
		expect(shell).toContain(`<h1>${id['app.name']}</h1>`);
		expect(shell).toContain(
			`placeholder="${id['browse.searchPlaceholder']}" data-en-placeholder="${en['browse.searchPlaceholder']}"`
		);
		expect(shell).toContain(
			`<option data-en="${en['browse.allKecamatan']}">${id['browse.allKecamatan']}</option>`
		);
		expect(shell).toContain(`<label>${id['browse.kecamatan']}</label>`);
		for (const k of kecamatanList) expect(shell).toContain(`<option>${kecamatanName(k)}</option>`);
	});

	it("draws the layout's header icon", () => {
		const layout = readFileSync('src/routes/+layout.svelte', 'utf8');
		const gear = /<svg[^>]*>\s*<path[^>]*d="([^"]+)"/.exec(layout)?.[1];
		expect(gear).toBeTruthy();
		expect(shell).toContain(`d="${gear}"`);
	});

	it('restores and hands over the home page kept by home-snapshot.ts, by its key, version and events', () => {
		expect(html).toContain(`localStorage.getItem('${SNAPSHOT_KEY}')`);
		expect(html).toContain(`kept?.v !== ${SNAPSHOT_VERSION}`);
		expect(html).toContain(`'${SHOWN_EVENT}'`);
		expect(html).toContain(`'${FRAMED_EVENT}'`);
	});
});
