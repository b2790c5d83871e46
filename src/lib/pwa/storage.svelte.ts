/** The localStorage flag that the automatic request at first sign-in was made. */
const ASKED_KEY = 'malpro.persistAsked';

/**
 * The browser's storage for this site: whether it is persistent (not evicted when
 * space runs low, or after 7 days unused on Safari) and how much is used.
 */
class StorageState {
	/** null: not known yet, or the browser has no StorageManager */
	#persisted = $state<boolean | null>(null);
	#usage = $state<number | null>(null);
	#quota = $state<number | null>(null);
	/** the person asked and the browser said no */
	#denied = $state(false);

	get supported(): boolean {
		return typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function';
	}

	get persisted(): boolean | null {
		return this.#persisted;
	}

	get denied(): boolean {
		return this.#denied;
	}

	get usage(): number | null {
		return this.#usage;
	}

	get quota(): number | null {
		return this.#quota;
	}

	async refresh(): Promise<void> {
		if (typeof navigator === 'undefined' || !navigator.storage) return;
		const [persisted, estimate] = await Promise.all([
			navigator.storage.persisted?.().catch(() => null) ?? null,
			navigator.storage.estimate?.().catch(() => null) ?? null
		]);
		this.#persisted = persisted;
		this.#usage = estimate?.usage ?? null;
		this.#quota = estimate?.quota ?? null;
	}

	/** Asks for persistent storage (some browsers ask the person, Chromium decides alone). */
	async requestPersist(): Promise<boolean> {
		if (!this.supported) return false;
		const granted = await navigator.storage.persist().catch(() => false);
		this.#persisted = granted;
		this.#denied = !granted;
		await this.refresh();
		return granted;
	}

	/** At the first sign-in on this device, asks once without being asked. */
	async requestOnFirstSignIn(): Promise<void> {
		if (!this.supported || localStorage.getItem(ASKED_KEY)) return;
		localStorage.setItem(ASKED_KEY, new Date().toISOString());
		if (await navigator.storage.persisted()) return;
		this.#persisted = await navigator.storage.persist().catch(() => false);
	}
}

export const storage = new StorageState();
