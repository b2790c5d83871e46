// A weak mobile link in front of the server, for benchmarks: every byte the server
// sends shares one downlink of `bytesPerSecond`, and each chunk, either way, arrives
// `roundTripMs / 2` late. Lighthouse's "slow 4G" is 150 ms and 1.6 Mbit/s.
import net from 'node:net';

export type WeakLink = { url: string; close: () => Promise<void> };

export async function startWeakLink(
	targetPort: number,
	{ roundTripMs = 150, bytesPerSecond = 200_000 } = {}
): Promise<WeakLink> {
	const half = roundTripMs / 2;
	let downlinkFreeAt = 0; // when the shared downlink has sent all it was given
	const sockets = new Set<net.Socket>();
	const server = net.createServer((phone) => {
		const upstream = net.connect(targetPort, '127.0.0.1');
		sockets.add(phone).add(upstream);
		phone.on('data', (d) => setTimeout(() => upstream.write(d), half));
		upstream.on('data', (d: Buffer) => {
			for (let i = 0; i < d.length; i += 1400) {
				const part = d.subarray(i, i + 1400);
				const now = Date.now();
				downlinkFreeAt = Math.max(now, downlinkFreeAt) + (part.length * 1000) / bytesPerSecond;
				setTimeout(() => phone.writable && phone.write(part), downlinkFreeAt - now + half);
			}
		});
		const end = () => {
			phone.destroy();
			upstream.destroy();
		};
		phone.on('error', end).on('close', () => setTimeout(() => upstream.destroy(), half));
		// what is still on its way arrives before the phone's side closes
		upstream
			.on('error', end)
			.on('close', () =>
				setTimeout(() => phone.destroy(), Math.max(0, downlinkFreeAt - Date.now()) + half + 10)
			);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	};
}
