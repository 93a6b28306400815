/**
 * The HTTP side: one POST per command with a bearer token and an Idempotency-Key, counting
 * what came back. Global fetch keeps connections alive. A step either expects success or names the problem code it expects (a rule
 * the scenario shows on purpose); anything else is an unexpected result, reported in full.
 */
import type { ActorSpec, Tokens } from './actors.js';
import type { Stats } from './stats.js';

export interface Step {
  /** Path under the base URL, e.g. '/parcels/P-1/confirm-deal'. */
  readonly path: string;
  readonly actor: ActorSpec;
  readonly body: Record<string, unknown>;
  /** Idempotency-Key: seed + target + step, so a re-run replays. */
  readonly key: string;
  /** A problem code the scenario expects (the command shows a rule by being refused). */
  readonly expectCode?: string;
  /**
   * The scope is being re-run (an earlier step was replayed): a refusal leaves nothing to replay,
   * and the state has moved on, so an expected refusal may now come with another 409/422 code.
   */
  readonly rerun?: boolean;
}

export interface Outcome {
  readonly ok: boolean;
  readonly status: number;
  readonly code: string | null;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  readonly replayed: boolean;
  /** Whether the outcome is what the step expected. */
  readonly asExpected: boolean;
}

export class ScenarioFailure extends Error {
  override readonly name = 'ScenarioFailure';
}

export class Client {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: Tokens,
    private readonly stats: Stats,
  ) {}

  async send(step: Step): Promise<Outcome> {
    const started = performance.now();
    this.stats.routed(step.path);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${step.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await this.tokens.bearer(step.actor)}`,
          'content-type': 'application/json',
          'idempotency-key': step.key,
        },
        body: JSON.stringify(step.body),
      });
      text = await response.text();
    } catch (error) {
      this.stats.unexpected(step, 0, 'NETWORK', (error as Error).message);
      throw new ScenarioFailure(`${step.path}: ${(error as Error).message}`);
    }
    const ms = performance.now() - started;
    const json = parse(text);
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    if (response.ok) {
      const events = Array.isArray(json['events']) ? (json['events'] as Outcome['events']) : [];
      if (step.expectCode !== undefined) {
        this.stats.unexpected(
          step,
          response.status,
          'ACCEPTED',
          `expected ${step.expectCode} but the command was accepted`,
        );
        return { ok: true, status: response.status, code: null, events, replayed, asExpected: false };
      }
      this.stats.accepted(replayed, ms, events.length > 0);
      return { ok: true, status: response.status, code: null, events, replayed, asExpected: true };
    }
    const code = typeof json['code'] === 'string' ? json['code'] : `HTTP_${response.status}`;
    if (
      code === step.expectCode ||
      (step.expectCode !== undefined && step.rerun === true && (response.status === 409 || response.status === 422))
    ) {
      this.stats.expectedRejection(code, ms);
      return { ok: false, status: response.status, code, events: [], replayed, asExpected: true };
    }
    this.stats.unexpected(
      step,
      response.status,
      code,
      typeof json['detail'] === 'string' ? json['detail'] : text.slice(0, 500),
    );
    return { ok: false, status: response.status, code, events: [], replayed, asExpected: false };
  }

  /** A step that could not even be built (its evidence is missing): a scenario failure. */
  recordLocal(path: string, message: string, actor: ActorSpec): void {
    this.stats.unexpected({ path, actor, body: {}, key: '' }, 0, 'SCENARIO', message);
  }

  /** Sends a step that must succeed; a failure stops the scenario it belongs to. */
  async must(step: Step): Promise<Outcome> {
    const outcome = await this.send(step);
    if (!outcome.asExpected) throw new ScenarioFailure(`${step.path}: ${outcome.status} ${outcome.code ?? ''}`);
    return outcome;
  }
}

const parse = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The id of the first event of a type in a command's answer (the evidence a credit entry cites). */
export const eventIdOf = (outcome: Outcome, type: string): string => {
  const event = outcome.events.find((e) => e.type === type);
  if (event === undefined)
    throw new ScenarioFailure(
      `expected a ${type} event, got ${outcome.events.map((e) => e.type).join(', ') || 'none'}`,
    );
  return event.id;
};
