/** What the install advice depends on: the browser, and whether the app already runs installed. */
export type PlatformInfo = {
	userAgent: string;
	/** navigator.maxTouchPoints: an iPad asking for the desktop site says "Macintosh" */
	maxTouchPoints: number;
	/** matchMedia('(display-mode: standalone)') or iOS's navigator.standalone */
	standalone: boolean;
};

/**
 * iOS or iPadOS Safari, not running from the home screen: it has no install prompt,
 * only Share → "Tambah ke Layar Utama". Other iOS browsers (Chrome, Firefox, Edge
 * and in-app web views) are left out: their menus differ.
 */
export function needsIosInstallSteps(p: PlatformInfo): boolean {
	if (p.standalone) return false;
	const ua = p.userAgent;
	const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && p.maxTouchPoints > 1);
	if (!ios) return false;
	const safari = /Safari\//.test(ua) && /Version\//.test(ua);
	const otherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS|GSA\/|FBAN|FBAV|Instagram|Line\//.test(ua);
	return safari && !otherBrowser;
}

/** The page's own view of whether it runs as an installed app. */
export function currentPlatform(w: Window & typeof globalThis = window): PlatformInfo {
	const nav = w.navigator as Navigator & { standalone?: boolean };
	return {
		userAgent: nav.userAgent,
		maxTouchPoints: nav.maxTouchPoints ?? 0,
		standalone:
			nav.standalone === true ||
			(typeof w.matchMedia === 'function' && w.matchMedia('(display-mode: standalone)').matches)
	};
}

/** Bytes as megabytes with one decimal, in the person's language (10.240,2 or 10,240.2). */
export function megabytes(bytes: number, locale: string = 'id'): string {
	return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(bytes / (1024 * 1024));
}
