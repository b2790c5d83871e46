/** An error with a stable reason code; the UI shows i18n `error.<code>`. */
export class AppError extends Error {
	constructor(
		readonly code: string,
		message = code,
		override readonly cause?: unknown
	) {
		super(message);
		this.name = 'AppError';
	}
}

/** Maps an SDK/HTTP failure to a reason code the person can act on. */
export function toAppError(err: unknown, fallback = 'unknown'): AppError {
	if (err instanceof AppError) return err;
	const status = (err as { status?: number } | null)?.status;
	if (status === 0) return new AppError('network', 'network', err);
	if (status === 400 || status === 401 || status === 403) {
		return new AppError(fallback, fallback, err);
	}
	return new AppError('unknown', String(err), err);
}
