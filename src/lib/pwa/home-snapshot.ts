/**
 * The home page as it was last shown, kept on the device so the next start paints
 * it before any JavaScript has run (docs/startup.md, "Repeat starts"): the inline
 * script in src/app.html puts it in the first paint, and the app takes its place
 * once the home page shows what it read itself (`homeShown`), so nothing blinks
 * back to placeholders in between. It is a picture: inert and hidden from
 * assistive technology until the app is there.
 *
 * The markup and the stylesheets' rules are kept together: they come from one
 * build, so a new deploy never draws old markup with new styles.
 */

/** localStorage key; src/app.html reads it (keep the two in step) */
export const SNAPSHOT_KEY = 'malpro.snapshot';
/** bumped when what is kept changes shape; src/app.html only restores this one */
export const SNAPSHOT_VERSION = 1;
/** the events src/app.html waits for before it hands the screen to the app */
export const SHOWN_EVENT = 'malpro:home-shown';
export const FRAMED_EVENT = 'malpro:home-framed';

export type HomeSnapshot = {
	v: typeof SNAPSHOT_VERSION;
	/** the interface language it was drawn in: restored only in the same one */
	lang: 'id' | 'en';
	/** when it was taken (device time, ms) */
	at: number;
	css: string;
	html: string;
	/** the featured products' ids: the app shows the same ones as it takes over */
	featured: string[];
};

/** Live parts of the page that a picture must not repeat: statuses, alerts, search results. */
const LEFT_OUT = [
	'script',
	'template',
	'dialog',
	'[role="status"]',
	'[role="alert"]',
	'[aria-live]',
	'[data-no-snapshot]'
].join(',');

/** The app's own nodes: the children of the page's root box, not the first paint. */
function appNodes(doc: Document): Element[] {
	const box = doc.querySelector('.app-box');
	if (!box) return [];
	return [...box.children].filter(
		(el) => el.id !== 'app-shell' && el.tagName !== 'SCRIPT' && el.tagName !== 'TEMPLATE'
	);
}

/** A copy of the app's nodes fit to be shown again before the app runs. */
export function captureHome(
	doc: Document,
	lang: 'id' | 'en',
	featured: string[],
	now = Date.now()
): HomeSnapshot {
	const holder = doc.createElement('div');
	const nodes = appNodes(doc);
	for (const node of nodes) {
		const copy = node.cloneNode(true) as Element;
		keepSelected(node, copy);
		holder.append(copy);
	}
	// a picture that has not loaded (lazy, below the screen, or offline) is left to its
	// frame's colour: a broken-image sign is worse than none
	const live = nodes.flatMap((n) => [...n.querySelectorAll('img')]);
	const copies = [...holder.querySelectorAll('img')];
	copies.forEach((img, i) => {
		const source = live[i];
		if (!source || !source.complete || source.naturalWidth === 0) img.remove();
		else img.setAttribute('loading', 'eager');
	});
	for (const el of holder.querySelectorAll(LEFT_OUT)) el.remove();
	// Svelte's anchors (empty comments) mean nothing in a picture: a sixth fewer nodes
	// for the next start to parse before its first paint
	const comments = doc.createTreeWalker(holder, NodeFilter.SHOW_COMMENT);
	const anchors: Node[] = [];
	while (comments.nextNode()) anchors.push(comments.currentNode);
	for (const anchor of anchors) anchor.parentNode?.removeChild(anchor);
	for (const el of holder.querySelectorAll('*')) {
		for (const { name } of [...el.attributes]) {
			// ids would repeat the app's (which stays in the page, hidden, until it shows);
			// handlers never belong in markup that is parsed again
			if (name === 'id' || name.startsWith('on')) el.removeAttribute(name);
		}
	}
	return {
		v: SNAPSHOT_VERSION,
		lang,
		at: now,
		css: stylesOf(doc),
		html: holder.innerHTML,
		featured
	};
}

/** A `<select>`'s choice is a property, not markup: it is written into the copy. */
function keepSelected(source: Element, copy: Element): void {
	const from = [...source.querySelectorAll('select')];
	const to = [...copy.querySelectorAll('select')];
	from.forEach((select, i) => {
		const options = to[i]?.querySelectorAll('option') ?? [];
		options.forEach((option, j) => {
			if (j === select.selectedIndex) option.setAttribute('selected', '');
			else option.removeAttribute('selected');
		});
	});
}

/** The stylesheets' rules as last read, and which stylesheets they were read from. */
let stylesRead: { key: string; css: string } | null = null;

/** The rules of the app's stylesheets (the first paint's own inline style is always there). */
function stylesOf(doc: Document): string {
	const sheets = [...doc.styleSheets].filter(
		(sheet) => (sheet.ownerNode as Element | null)?.tagName === 'LINK'
	);
	// a build's stylesheets never change: read again only when another one was added
	const key = sheets.map((sheet) => sheet.href).join(' ');
	if (stylesRead?.key === key) return stylesRead.css;
	const rules: string[] = [];
	for (const sheet of sheets) {
		try {
			for (const rule of sheet.cssRules) rules.push(rule.cssText);
		} catch {
			// a stylesheet of another origin cannot be read: none of the app's are
		}
	}
	stylesRead = { key, css: rules.join('\n') };
	return stylesRead.css;
}

/**
 * Keeps the home page as shown now, when the page's thread has a moment; the
 * returned function cancels it (the page calls it when what it shows changes, or
 * when it goes: a later capture would be of another page).
 */
export function saveHomeSnapshot(lang: 'id' | 'en', featured: string[]): () => void {
	let cancelled = false;
	const save = () => {
		if (cancelled) return;
		try {
			localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(captureHome(document, lang, featured)));
		} catch {
			// storage refused or full: the next start paints the generic first paint
		}
	};
	const idle = globalThis.requestIdleCallback;
	if (typeof idle === 'function') {
		const handle = idle(save, { timeout: 3000 });
		return () => {
			cancelled = true;
			cancelIdleCallback(handle);
		};
	}
	const timer = setTimeout(save, 500);
	return () => {
		cancelled = true;
		clearTimeout(timer);
	};
}

/**
 * The featured products' ids of the snapshot this start painted (null when it
 * painted none): the home page shows the same products, read from the device.
 */
export function paintedFeatured(): string[] | null {
	try {
		if (!('snapshot' in document.documentElement.dataset)) return null;
		const kept = JSON.parse(localStorage.getItem(SNAPSHOT_KEY) ?? 'null') as {
			featured?: unknown;
		} | null;
		const ids = kept?.featured;
		return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null;
	} catch {
		return null;
	}
}

/** Forgets it: at sign-out, a shared phone must not show the last person's home. */
export function dropHomeSnapshot(): void {
	try {
		localStorage.removeItem(SNAPSHOT_KEY);
	} catch {
		// no storage: nothing was kept
	}
}

/** Tells the first paint that the app shows the page itself now (src/app.html). */
export function homeShown(): void {
	dispatchEvent(new Event(SHOWN_EVENT));
}

/** Tells the first paint that the app's home has drawn its frame (src/app.html). */
export function homeFramed(): void {
	dispatchEvent(new Event(FRAMED_EVENT));
}
