// A loopback TCP proxy owned by the test, in front of the server: it decides
// per connection, from a seeded PRNG, whether to pass it through or misbehave.
import net from 'node:net';

export type Misbehaviour = 'drop' | 'reset' | 'delay' | 'cut';

export type ProxyStats = {
	connections: number;
	passed: number;
	dropped: number;
	reset: number;
	delayed: number;
	cut: number;
	/** connections the server refused or broke (it was down or being killed) */
	upstreamErrors: number;
};

export type ProxyOptions = {
	upstreamPort: number;
	random: () => number;
	/** share of connections that misbehave (0.3: 30 %) */
	rate?: number;
	/** how long a delayed connection is held before it reaches the server */
	delayMs?: [number, number];
};

/**
 * Misbehaviours, chosen uniformly when a connection misbehaves:
 * - drop: the client socket is destroyed at once (the request never reaches the server);
 * - reset: the same with a TCP RST (socket.resetAndDestroy());
 * - delay: held 100–1500 ms before connecting upstream, then passed through;
 * - cut: the request reaches the server, which answers; the client gets a prefix of
 *   the answer's first chunk and then the socket is destroyed, so the server may
 *   have committed while the client cannot know (an unknown outcome).
 * The decision is per TCP connection: clients must not reuse connections
 * (the chaos test's devices send `connection: close`).
 */
export class ChaosProxy {
	readonly stats: ProxyStats = {
		connections: 0,
		passed: 0,
		dropped: 0,
		reset: 0,
		delayed: 0,
		cut: 0,
		upstreamErrors: 0
	};
	readonly #server: net.Server;
	readonly #opts: Required<ProxyOptions>;
	readonly #sockets = new Set<net.Socket>();
	#port = 0;

	private constructor(opts: ProxyOptions) {
		this.#opts = { rate: 0.3, delayMs: [100, 1500], ...opts };
		this.#server = net.createServer((client) => this.#handle(client));
	}

	static async start(opts: ProxyOptions): Promise<ChaosProxy> {
		const proxy = new ChaosProxy(opts);
		await new Promise<void>((resolve, reject) => {
			proxy.#server.once('error', reject);
			proxy.#server.listen(0, '127.0.0.1', () => resolve());
		});
		proxy.#port = (proxy.#server.address() as net.AddressInfo).port;
		return proxy;
	}

	get url(): string {
		return `http://127.0.0.1:${this.#port}`;
	}

	get misbehaved(): number {
		const s = this.stats;
		return s.dropped + s.reset + s.delayed + s.cut;
	}

	async close(): Promise<void> {
		for (const s of this.#sockets) s.destroy();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	#track(s: net.Socket): net.Socket {
		this.#sockets.add(s);
		s.once('close', () => this.#sockets.delete(s));
		return s;
	}

	#handle(client: net.Socket): void {
		const { random, rate, delayMs } = this.#opts;
		this.stats.connections++;
		this.#track(client);
		client.on('error', () => {}); // a client that gives up is normal here

		let action: Misbehaviour | 'pass' = 'pass';
		if (random() < rate) {
			action = (['drop', 'reset', 'delay', 'cut'] as const)[Math.floor(random() * 4)] ?? 'drop';
		}
		switch (action) {
			case 'drop':
				this.stats.dropped++;
				client.destroy();
				return;
			case 'reset':
				this.stats.reset++;
				client.resetAndDestroy();
				return;
			case 'delay': {
				this.stats.delayed++;
				client.pause();
				const [lo, hi] = delayMs;
				const wait = lo + Math.floor(random() * (hi - lo));
				const timer = setTimeout(() => this.#connect(client, false), wait);
				client.once('close', () => clearTimeout(timer));
				return;
			}
			case 'cut':
				this.stats.cut++;
				this.#connect(client, true);
				return;
			default:
				this.stats.passed++;
				this.#connect(client, false);
		}
	}

	#connect(client: net.Socket, cut: boolean): void {
		if (client.destroyed) return;
		const upstream = this.#track(net.connect(this.#opts.upstreamPort, '127.0.0.1'));
		upstream.on('error', () => {
			this.stats.upstreamErrors++;
			client.destroy();
		});
		client.on('close', () => upstream.destroy());
		client.pipe(upstream);
		client.resume();
		if (cut) {
			upstream.once('data', (chunk: Buffer) => {
				// the server has answered, so it has done its work; the client hears a part
				const keep = Math.floor(this.#opts.random() * chunk.length);
				client.write(chunk.subarray(0, keep), () => client.destroy());
				upstream.destroy();
			});
		} else {
			upstream.pipe(client);
			upstream.on('close', () => {
				if (!client.writableEnded) client.destroy();
			});
		}
	}
}
