import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeakLink, type WeakLink } from '../bench/weak-link';

// The benchmarks' weak link (tests/bench/weak-link.ts) must slow bytes down, never
// reorder them: a swapped chunk is a broken response, and a start that never shows.

const body = Buffer.alloc(300_000);
for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 10)) & 0xff;

let server: http.Server;
let link: WeakLink;

beforeAll(async () => {
	server = http.createServer((_, res) => {
		res.setHeader('content-type', 'application/octet-stream');
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	link = await startWeakLink(port, { roundTripMs: 40, bytesPerSecond: 1_000_000 });
});

afterAll(async () => {
	await link.close();
	await new Promise((resolve) => server.close(resolve));
});

describe('the weak link of the benchmarks', () => {
	it('delivers every byte in order while the event loop is busy, at about its rate', async () => {
		// the event loop is held now and then, as a benchmark's own work holds it
		const busy = setInterval(() => {
			const until = Date.now() + 4 + Math.random() * 6;
			while (Date.now() < until);
		}, 3);
		try {
			const started = Date.now();
			const bodies = await Promise.all(
				[0, 1, 2].map(async () => Buffer.from(await (await fetch(`${link.url}/`)).arrayBuffer()))
			);
			const took = Date.now() - started;
			for (const got of bodies) expect(got.equals(body)).toBe(true);
			// three bodies share one downlink of 1 MB/s
			expect(took).toBeGreaterThanOrEqual((3 * body.length) / 1000 - 50);
		} finally {
			clearInterval(busy);
		}
	});
});
