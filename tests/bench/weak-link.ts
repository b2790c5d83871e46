// A weak mobile link in front of the server, for benchmarks: every byte the server
// sends shares one downlink of `bytesPerSecond`, and each chunk, either way, arrives
// `roundTripMs / 2` late. Lighthouse's "slow 4G" is 150 ms and 1.6 Mbit/s.
import net from 'node:net';

export type WeakLink = { url: string; close: () => Promise<void> };

/**
 * What one side of a connection is sent, delivered in the order it was given, each chunk
 * not before its time. (A timer per chunk could deliver them out of order: Node starts a
 * timer from the event loop's cached clock, so two chunks a few milliseconds apart can
 * swap when the loop is busy, and the browser then reads a broken response.)
 */
function delivery(to: net.Socket) {
	const queue: { at: number; data: Buffer }[] = [];
	let timer: NodeJS.Timeout | undefined;
	let ended = false;
	const drain = () => {
		timer = undefined;
		const now = Date.now();
		while (queue.length && queue[0]!.at <= now) {
			const { data } = queue.shift()!;
			if (to.writable) to.write(data);
		}
		if (queue.length) timer = setTimeout(drain, queue[0]!.at - now);
		else if (ended) to.destroy();
	};
	const schedule = () => {
		if (!timer && queue.length) timer = setTimeout(drain, Math.max(0, queue[0]!.at - Date.now()));
	};
	return {
		send(at: number, data: Buffer) {
			queue.push({ at, data });
			schedule();
		},
		/** closes `to` once everything on its way has arrived */
		end() {
			ended = true;
			if (!queue.length) to.destroy();
		},
		stop() {
			clearTimeout(timer);
			queue.length = 0;
		}
	};
}

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
		phone.on('close', () => sockets.delete(phone));
		upstream.on('close', () => sockets.delete(upstream));
		const up = delivery(upstream);
		const down = delivery(phone);
		phone.on('data', (d: Buffer) => up.send(Date.now() + half, d));
		upstream.on('data', (d: Buffer) => {
			for (let i = 0; i < d.length; i += 1400) {
				const part = d.subarray(i, i + 1400);
				downlinkFreeAt =
					Math.max(Date.now(), downlinkFreeAt) + (part.length * 1000) / bytesPerSecond;
				down.send(downlinkFreeAt + half, part);
			}
		});
		const end = () => {
			up.stop();
			down.stop();
			phone.destroy();
			upstream.destroy();
		};
		phone.on('error', end).on('close', () => up.end());
		// what is still on its way arrives before the phone's side closes
		upstream.on('error', end).on('close', () => down.end());
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
