import { en } from './en';
import { id, type MessageKey, type Messages } from './id';

export type Locale = 'id' | 'en';
const catalogs: Record<Locale, Messages> = { id, en };
const STORAGE_KEY = 'malpro.locale';

/** The person's language: Bahasa Indonesia unless they chose English. */
class I18n {
	#locale = $state<Locale>('id');

	constructor() {
		if (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en') {
			this.#locale = 'en';
			// index.html says lang="id"; screen readers and the tests read this
			if (typeof document !== 'undefined') document.documentElement.lang = 'en';
		}
	}

	get locale(): Locale {
		return this.#locale;
	}

	set locale(next: Locale) {
		this.#locale = next;
		if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, next);
		if (typeof document !== 'undefined') document.documentElement.lang = next;
	}

	/** The message for key, with {name} placeholders filled from params. */
	t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
		catalogs[this.#locale][key].replace(/\{(\w+)\}/g, (_, k: string) =>
			String(params[k] ?? `{${k}}`)
		);

	/** The message for an error code, or the generic one if the code has none. */
	error = (code: string): string => {
		const key = `error.${code}` as MessageKey;
		return key in catalogs[this.#locale] ? this.t(key) : this.t('error.unknown');
	};
}

export const i18n = new I18n();
export const t = i18n.t;
