import net from 'node:net';

/**
 * A loopback TCP proxy owned by a test, in front of the server: the browser
 * (pages AND its service worker) reaches the server only through it, so
 * cutting it is a real network outage — `context.setOffline` is not (the
 * worker's requests bypass it).
 */
export class SwitchProxy {
	readonly #server: net.Server;
	readonly #sockets = new Set<net.Socket>();
	#online = true;
	/** the next N requests that carry `match` reach the server, but their answers are lost */
	#cutAnswers: { match: string; left: number } | null = null;
	#port = 0;

	private constructor(upstreamPort: number) {
		this.#server = net.createServer((client) => this.#handle(client, upstreamPort));
	}

	static async start(upstreamPort: number): Promise<SwitchProxy> {
		const proxy = new SwitchProxy(upstreamPort);
		await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
		proxy.#port = (proxy.#server.address() as net.AddressInfo).port;
		return proxy;
	}

	get url(): string {
		return `http://127.0.0.1:${this.#port}`;
	}

	/** The network is gone: open connections break, new ones are refused at once. */
	cut(): void {
		this.#online = false;
		for (const s of this.#sockets) s.destroy();
		this.#sockets.clear();
	}

	restore(): void {
		this.#online = true;
	}

	/** The next `count` requests containing `match` commit on the server but never get an answer. */
	loseAnswers(match: string, count = 1): void {
		this.#cutAnswers = { match, left: count };
	}

	async stop(): Promise<void> {
		this.cut();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	#handle(client: net.Socket, upstreamPort: number): void {
		if (!this.#online) {
			client.destroy();
			return;
		}
		const upstream = net.connect(upstreamPort, '127.0.0.1');
		this.#sockets.add(client).add(upstream);
		let loseAnswer = false;
		client.on('data', (chunk) => {
			const cut = this.#cutAnswers;
			if (cut && cut.left > 0 && chunk.includes(cut.match)) {
				cut.left--;
				loseAnswer = true;
			}
			upstream.write(chunk);
		});
		upstream.on('data', (chunk) => {
			if (loseAnswer) {
				// the server has answered (and committed): the client never hears it
				client.destroy();
				upstream.destroy();
				return;
			}
			client.write(chunk);
		});
		const close = () => {
			client.destroy();
			upstream.destroy();
			this.#sockets.delete(client);
			this.#sockets.delete(upstream);
		};
		client.on('close', close).on('error', close);
		upstream.on('close', close).on('error', close);
	}
}
