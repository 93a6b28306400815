import pg from 'pg';
import type { Checkpoint, WaitOptions } from '../types.js';

export interface EventWaiterOptions {
  /** Asks the database whether events after the checkpoint are readable or still in flight. */
  readonly probe: (after: Checkpoint | null) => Promise<{ readable: boolean; inFlight: boolean }>;
  /** LISTEN channel, or null when only this process writes (wake-ups come from notifyLocal). */
  readonly channel: string | null;
  readonly listenConnection?: pg.ClientConfig | undefined;
  /** Poll interval while no notification channel is healthy. */
  readonly fallbackPollMs?: number;
  /** Re-check interval while a slower transaction holds the read horizon back. */
  readonly inFlightPollMs?: number;
}

/**
 * Lets readers sleep until there is something to read. Wake-ups are hints; the probe decides.
 * A notification can only be missed between probe and sleep, so the waiter registers first and
 * probes second. A rolled-back transaction sends no notification, so while events are in flight
 * above the horizon the waiter re-probes on a short timer instead of sleeping.
 */
export class EventWaiter {
  private readonly sleepers = new Set<() => void>();
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: EventWaiterOptions) {}

  notifyLocal(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async wait(after: Checkpoint | null, { timeoutMs, signal }: WaitOptions): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && !signal?.aborted && Date.now() < deadline) {
      const healthy = await this.ensureListener();
      let wake!: () => void;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      this.sleepers.add(wake);
      try {
        const state = await this.options.probe(after);
        if (state.readable) return;
        const nap = state.inFlight
          ? (this.options.inFlightPollMs ?? 20)
          : healthy
            ? deadline - Date.now()
            : (this.options.fallbackPollMs ?? 500);
        await sleepUntil(woken, Math.max(0, Math.min(nap, deadline - Date.now())), signal);
      } finally {
        this.sleepers.delete(wake);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notifyLocal();
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  /** True when wake-ups can be trusted (local mode, or a live LISTEN connection). */
  private async ensureListener(): Promise<boolean> {
    const { channel, listenConnection } = this.options;
    if (channel === null) return true;
    if (this.listener) return true;
    if (!listenConnection) return false;
    this.connecting ??= this.connect(channel, listenConnection).finally(() => (this.connecting = null));
    await this.connecting;
    return this.listener !== null;
  }

  private async connect(channel: string, config: pg.ClientConfig): Promise<void> {
    const client = new pg.Client(config);
    client.on('notification', () => this.notifyLocal());
    client.on('error', () => {
      // Lost the connection: fall back to polling and reconnect on the next wait.
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      if (this.closed) await client.end();
      else this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
}

const sleepUntil = (woken: Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    // The signal may have fired while the probe ran, before this listener existed.
    if (signal?.aborted) done();
    void woken.then(done);
  });
