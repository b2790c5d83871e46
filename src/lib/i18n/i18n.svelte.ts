import { groupDigits } from '$lib/domain/digits';
import { id, type MessageKey, type Messages } from './id';

export type Locale = 'id' | 'en';
// English is loaded when someone picks it: most people never do
const catalogs: Partial<Record<Locale, Messages>> = { id };
const load: Record<Locale, () => Promise<Messages>> = {
	id: async () => id,
	en: () => import('./en').then((m) => m.en)
};
const STORAGE_KEY = 'malpro.locale';
/** how each language separates thousands in a count (3.253 produk, 3,253 products) */
const thousands: Record<Locale, string> = { id: '.', en: ',' };

/** The person's language: Bahasa Indonesia unless they chose English. */
class I18n {
	#locale = $state<Locale>('id');
	/** the chosen language's messages are loaded (the first page waits for it) */
	readonly ready: Promise<void> = Promise.resolve();

	constructor() {
		if (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en') {
			this.ready = this.setLocale('en');
		}
	}

	get locale(): Locale {
		return this.#locale;
	}

	set locale(next: Locale) {
		void this.setLocale(next);
	}

	/** Switches once the language's messages are loaded (Indonesian stays if they cannot be). */
	async setLocale(next: Locale): Promise<void> {
		try {
			catalogs[next] ??= await load[next]();
		} catch (err) {
			console.error(`malpro: could not load the ${next} messages`, err);
			return;
		}
		this.#locale = next;
		if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, next);
		// index.html says lang="id"; screen readers and the tests read this
		if (typeof document !== 'undefined') document.documentElement.lang = next;
	}

	/**
	 * The message for key, with {name} placeholders filled from params; numbers (all of
	 * them counts) grouped as the language writes them: 3.253 produk, 3,253 products.
	 */
	t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
		(catalogs[this.#locale] ?? id)[key].replace(/\{(\w+)\}/g, (_, k: string) => {
			const value = params[k];
			if (value === undefined) return `{${k}}`;
			return typeof value === 'number' ? groupDigits(value, thousands[this.#locale]) : value;
		});

	/** The message for an error code, or the generic one if the code has none. */
	error = (code: string): string => {
		const key = `error.${code}` as MessageKey;
		return key in id ? this.t(key) : this.t('error.unknown');
	};
}

export const i18n = new I18n();
export const t = i18n.t;
