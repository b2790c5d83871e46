import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads tests/vectors/NAME.json, the cases the Go server is held to as well. Tests only. */
export function loadVectors<T>(name: string): T {
	const url = new URL(`../../../tests/vectors/${name}`, import.meta.url);
	return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as T;
}

export type CheckVector = {
	input: string;
	valid: boolean;
	code?: string;
	normalized?: string;
	sex?: string;
};
