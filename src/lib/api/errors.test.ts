import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

const response = (status: number, data: Record<string, unknown> = {}) =>
	new ClientResponseError({ status, response: { status, message: 'x', data } });

describe('toAppError', () => {
	it('names a failed request without an answer "network"', () => {
		expect(toAppError(new ClientResponseError({ status: 0 })).code).toBe('network');
	});

	it('maps a 400 to the caller’s code, with the fields the server named', () => {
		const err = toAppError(
			response(400, {
				phone: { code: 'validation_invalid_format', message: 'Invalid value format.' },
				name: { code: 'validation_required', message: 'Cannot be blank.' }
			}),
			'profile_rejected'
		);
		expect(err).toBeInstanceOf(AppError);
		expect(err.code).toBe('profile_rejected');
		expect(err.fields).toEqual({ phone: 'field_invalid', name: 'field_required' });
	});

	it('maps a failed sign-in (400, no fields) to the caller’s code', () => {
		const err = toAppError(response(400), 'wrong_credentials');
		expect([err.code, err.fields]).toEqual(['wrong_credentials', {}]);
	});

	it('calls anything else unknown and keeps an AppError as it is', () => {
		expect(toAppError(response(500)).code).toBe('unknown');
		expect(toAppError(new TypeError('x')).code).toBe('unknown');
		const own = new AppError('network');
		expect(toAppError(own)).toBe(own);
	});
});
