/** States of an outbox entry: pending → sent → applied | duplicate | rejected. */
export type OutboxState = 'pending' | 'sent' | 'applied' | 'duplicate' | 'rejected';

/** Mutation names the server knows (docs/sync-protocol.md). */
export type MutationName =
	| 'order.place'
	| 'order.confirm'
	| 'order.cancel'
	| 'order.accept'
	| 'order.reject'
	| 'order.ready'
	| 'order.ship'
	| 'order.deliver'
	| 'order.receive';

/** A change made on this device, waiting for (or answered by) the server. */
export type OutboxEntry = {
	/** local order of writing; never sent (ids that sync are `id`) */
	seq?: number;
	/** the mutation id: 15 characters [a-z0-9], the idempotency key */
	id: string;
	/** the signed-in user who made it ("buyers:<id>"): a shared phone keeps queues apart */
	owner: string;
	name: MutationName;
	args: Record<string, unknown>;
	/** ISO time the person made the change */
	createdAt: string;
	state: OutboxState;
	attempts: number;
	lastAttemptAt?: string;
	code?: string;
	message?: string;
	data?: unknown;
};

/** The server's answer for one mutation. */
export type MutationResult = {
	id: string;
	status: 'applied' | 'duplicate' | 'rejected';
	code?: string;
	message?: string;
	data?: unknown;
};

/** What one push attempt came to. */
export type PushOutcome =
	| { kind: 'ok'; results: MutationResult[] }
	/** network down, reset, timeout (outcome unknown), 5xx: resend the same ids later */
	| { kind: 'transient'; reason: 'network' | 'timeout' | 'server'; status?: number }
	/** 401: the sign-in expired; the queue waits for the person to sign in again */
	| { kind: 'auth' }
	/** 400/403/413: the server refused the envelope as it is */
	| { kind: 'refused'; status: number; code: string; message: string };

export type PushEnvelope = {
	clientId: string;
	mutations: { id: string; name: string; args: Record<string, unknown>; createdAt: string }[];
};

export type PushTransport = (envelope: PushEnvelope) => Promise<PushOutcome>;

/** Where the outbox lives (IndexedDB in the app: src/lib/db/outbox.ts). */
export interface OutboxStore {
	/** pending and sent entries of owner, oldest first */
	unsent(owner: string, limit: number): Promise<OutboxEntry[]>;
	/** entries are on their way: attempts + 1 */
	markSent(ids: string[], at: string): Promise<void>;
	/** applied and duplicate entries leave; rejected ones stay with their reason */
	settle(results: MutationResult[]): Promise<void>;
	countUnsent(owner: string): Promise<number>;
	countRejected(owner: string): Promise<number>;
}

/** Runs fn while holding the one sync lock (across tabs in the browser). */
export type Lock = <T>(fn: () => Promise<T>) => Promise<T>;

export type Clock = {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

/** What the person sees of sync. */
export type SyncStatus = {
	state: 'idle' | 'syncing' | 'offline' | 'auth_required' | 'blocked' | 'signed_out';
	unsent: number;
	rejected: number;
	lastSyncAt: number | null;
	nextRetryAt: number | null;
	/** the server's reason when state is 'blocked' (e.g. account_inactive) */
	code?: string;
};
