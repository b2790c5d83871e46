/** A broken rule, named by a stable code shared with the Go server (tests/vectors). */
export type Invalid<C extends string> = { ok: false; code: C };
export type Valid<T> = { ok: true; value: T };
export type Checked<T, C extends string> = Valid<T> | Invalid<C>;

export const valid = <T>(value: T): Valid<T> => ({ ok: true, value });
export const invalid = <C extends string>(code: C): Invalid<C> => ({ ok: false, code });

/** Removes the spaces people put inside long numbers ("19850714 201001 1 002"). */
export const stripSpaces = (s: string): string => s.replace(/[\s\u00a0]/g, '');

export const allDigits = (s: string): boolean => /^[0-9]*$/.test(s);
