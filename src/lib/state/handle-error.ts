import { toAppError, type AppError } from '$lib/api/errors';

/**
 * The app's one error handler: any failure becomes an AppError whose code the page
 * shows (`i18n.error(code)`); failures nobody planned for are logged as well.
 */
export function handleError(err: unknown, fallback?: string): AppError {
	const appError = toAppError(err, fallback);
	if (appError.code === 'unknown') console.error(err);
	return appError;
}
