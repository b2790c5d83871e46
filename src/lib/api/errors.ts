/** An error with a stable reason code; the UI shows i18n `error.<code>`. */
export class AppError extends Error {
	constructor(
		readonly code: string,
		message = code,
		override readonly cause?: unknown,
		/** per form field, the code of what the server refused there */
		readonly fields: Readonly<Record<string, string>> = {}
	) {
		super(message);
		this.name = 'AppError';
	}
}

type ServerFieldErrors = Record<string, { code?: string } | undefined>;

/**
 * The fields a PocketBase 400 names (`data: {phone: {code: "validation_invalid_format"}}`),
 * each with a code the UI has a message for.
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
	const data = (err as { response?: { data?: ServerFieldErrors } } | null)?.response?.data;
	const fields: Record<string, string> = {};
	for (const [field, problem] of Object.entries(data ?? {})) {
		fields[field] = problem?.code === 'validation_required' ? 'field_required' : 'field_invalid';
	}
	return fields;
}

/** Maps an SDK/HTTP failure to a reason code the person can act on. */
export function toAppError(err: unknown, fallback = 'unknown'): AppError {
	if (err instanceof AppError) return err;
	const status = (err as { status?: number } | null)?.status;
	if (status === 0) return new AppError('network', 'network', err);
	if (status === 400 || status === 401 || status === 403) {
		return new AppError(fallback, fallback, err, fieldErrorsOf(err));
	}
	return new AppError('unknown', String(err), err);
}
