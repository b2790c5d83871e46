import { currentPlatform, needsIosInstallSteps } from './platform';

/** Chromium's install prompt (not in the DOM types: it is not a standard). */
type BeforeInstallPromptEvent = Event & {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
};

/**
 * Whether and how this browser can install the app. Chromium fires
 * `beforeinstallprompt` early, on any page: the listener is attached when this
 * module loads (the layout imports it), and the event is kept for the button on
 * /pengaturan.
 */
class InstallState {
	#deferred = $state<BeforeInstallPromptEvent | null>(null);
	#installed = $state(false);
	#iosSteps = $state(false);

	constructor() {
		if (typeof window === 'undefined') return;
		const platform = currentPlatform();
		this.#installed = platform.standalone;
		this.#iosSteps = needsIosInstallSteps(platform);
		window.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault(); // no mini-infobar: the person installs from the settings page
			this.#deferred = event as BeforeInstallPromptEvent;
		});
		window.addEventListener('appinstalled', () => {
			this.#installed = true;
			this.#deferred = null;
		});
	}

	/** The browser offers its install dialog ("Pasang aplikasi" can be shown). */
	get canPrompt(): boolean {
		return this.#deferred !== null;
	}

	/** Runs installed (standalone), or was installed from this page. */
	get installed(): boolean {
		return this.#installed;
	}

	/** iOS Safari: show the Share → Add to Home Screen steps instead of a button. */
	get iosSteps(): boolean {
		return this.#iosSteps && !this.#installed;
	}

	/** Shows the browser's install dialog; true if the person accepted. */
	async prompt(): Promise<boolean> {
		const event = this.#deferred;
		if (!event) return false;
		// the event can be used once
		this.#deferred = null;
		await event.prompt();
		const { outcome } = await event.userChoice;
		if (outcome === 'accepted') this.#installed = true;
		return outcome === 'accepted';
	}
}

export const install = new InstallState();
