import pg from 'pg';

/**
 * Tells other processes' readers that events were appended, outside the appending transaction.
 * NOTIFY inside the append would take PostgreSQL's database-wide notify lock until the commit is
 * flushed and serialise all writers; here a separate connection sends at most one NOTIFY at a
 * time, at most one per `minIntervalMs`, and folds every append made meanwhile into the next
 * one: under load a reader in another process learns of new events a few milliseconds later,
 * and writers do not pay one extra statement per append. Readers treat it as a hint only
 * (they also re-check on a timer), so a lost notification delays a reader, never loses an event.
 */
export class Notifier {
  private client: pg.Client | null = null;
  private sending = false;
  private pending = false;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly minIntervalMs = 10,
  ) {}

  poke(): void {
    if (this.closed) return;
    if (this.sending) {
      this.pending = true;
      return;
    }
    this.sending = true;
    void this.send()
      .then(() => new Promise((resolve) => setTimeout(resolve, this.minIntervalMs).unref()))
      .finally(() => {
        this.sending = false;
        if (this.pending) {
          this.pending = false;
          this.poke();
        }
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async send(): Promise<void> {
    try {
      if (!this.client) {
        const client = new pg.Client(this.config);
        client.on('error', () => {
          if (this.client === client) this.client = null;
        });
        await client.connect();
        if (this.closed) {
          await client.end();
          return;
        }
        this.client = client;
      }
      await this.client.query('SELECT pg_notify($1, $2)', [this.channel, '']);
    } catch {
      // Readers fall back to polling; the next append tries a fresh connection.
      const broken = this.client;
      this.client = null;
      await broken?.end().catch(() => undefined);
    }
  }
}
