import { listOpds, type Opd } from '$lib/api/opds';
import {
	checkProfile,
	loadProfile,
	saveProfile,
	type Profile,
	type ProfileErrors,
	type ProfileField
} from '$lib/api/profile';
import { handleError } from './handle-error';

const fields: readonly ProfileField[] = ['name', 'phone', 'address', 'kecamatan', 'opd'];

/** A buyer's profile form: loads from the server, checks, saves, and names what went wrong. */
export class ProfileForm {
	name = $state('');
	phone = $state('');
	address = $state('');
	kecamatan = $state('');
	opd = $state('');

	#id = '';
	#nip = $state('');
	#opds = $state.raw<Opd[]>([]);
	#loading = $state(true);
	#saving = $state(false);
	#saved = $state(false);
	#errors = $state<ProfileErrors>({});
	#problem = $state<string | null>(null);

	get nip() {
		return this.#nip;
	}
	/** OPDs to choose from: the active ones, and the buyer's own even if it is not. */
	get opds(): Opd[] {
		return this.#opds.filter((o) => o.active || o.id === this.opd);
	}
	get loading() {
		return this.#loading;
	}
	get saving() {
		return this.#saving;
	}
	/** true after a save, until the next attempt */
	get saved() {
		return this.#saved;
	}
	/** an error code per field */
	get errors(): ProfileErrors {
		return this.#errors;
	}
	/** an error code for the whole form, or null */
	get problem(): string | null {
		return this.#problem;
	}

	async load(buyerId: string): Promise<void> {
		this.#loading = true;
		this.#problem = null;
		try {
			const [profile, opds] = await Promise.all([loadProfile(buyerId), listOpds()]);
			this.#opds = opds;
			this.#fill(profile);
		} catch (err) {
			this.#problem = handleError(err).code;
		} finally {
			this.#loading = false;
		}
	}

	async save(): Promise<void> {
		this.#saved = false;
		this.#problem = null;
		const checked = checkProfile({
			name: this.name,
			phone: this.phone,
			address: this.address,
			kecamatan: this.kecamatan,
			opd: this.opd
		});
		if (!checked.ok) {
			this.#errors = checked.errors;
			return;
		}
		this.#errors = {};
		this.#saving = true;
		try {
			this.#fill(await saveProfile(this.#id, checked.value));
			this.#saved = true;
		} catch (err) {
			const appError = handleError(err);
			this.#errors = Object.fromEntries(
				Object.entries(appError.fields).filter(([f]) => fields.includes(f as ProfileField))
			);
			this.#problem = appError.code;
		} finally {
			this.#saving = false;
		}
	}

	#fill(p: Profile) {
		this.#id = p.id;
		this.#nip = p.nip;
		this.name = p.name;
		this.phone = p.phone;
		this.address = p.address;
		this.kecamatan = p.kecamatan;
		this.opd = p.opd;
	}
}
