// Draws the favicon and the PWA icons in static/ from one artwork (a white "M" on the
// brand teal), once: `node scripts/make-icons.mjs`. The PNGs are committed; this script is
// how they were made. It renders SVG in Debian's chromium (playwright-core) and takes
// screenshots at the exact sizes.
//   icon-192.png, icon-512.png           purpose "any": the rounded tile, clear corners
//   icon-maskable-192.png, -512.png      purpose "maskable": full bleed, the "M" inside
//                                        the 80 % safe zone (launchers cut any shape)
//   apple-touch-icon.png (180)           full bleed, opaque (iOS rounds it itself)
//   favicon.png (64)                     the rounded tile. Not an SVG favicon: the page's
//                                        own thread builds a whole SVG document to draw
//                                        one (about 25 ms here, in the middle of a start)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './lib/paths.mjs';

const BRAND = '#0f766e';
// the "M", drawn on a 64-unit grid
const M = 'M14 46V18h7l11 15 11-15h7v28h-7V30L32 44 21 30v16z';

/** The rounded tile: the favicon, and the icons of purpose "any". */
const tile = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="${BRAND}"/><path d="${M}" fill="#fff"/></svg>`;

/** Full bleed, the "M" scaled to `scale` of the side around the centre. */
const fullBleed = (scale) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" fill="${BRAND}"/>
<g transform="translate(32 32) scale(${scale}) translate(-32 -32)"><path d="${M}" fill="#fff"/></g></svg>`;

const only = process.argv.slice(2); // file names to draw (default: all)
const icons = [
	{ file: 'icon-192.png', size: 192, svg: tile },
	{ file: 'icon-512.png', size: 512, svg: tile },
	// the "M" spans 36 of 64 units; at 0.8 it stays well within the 80 % safe circle
	{ file: 'icon-maskable-192.png', size: 192, svg: fullBleed(0.8) },
	{ file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.8) },
	{ file: 'apple-touch-icon.png', size: 180, svg: fullBleed(1) },
	{ file: 'favicon.png', size: 64, svg: tile }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
});
try {
	for (const { file, size, svg } of icons.filter((i) => !only.length || only.includes(i.file))) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(
			`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
		);
		const png = await page.screenshot({ omitBackground: true, type: 'png' });
		writeFileSync(path.join(root, 'static', file), png);
		console.log(`static/${file} ${size}x${size} ${png.length} bytes`);
		await page.close();
	}
} finally {
	await browser.close();
}
