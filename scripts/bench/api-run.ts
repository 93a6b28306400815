/**
 * Drives the workload: `clients` concurrent clients, each its own decision then its parcels one
 * command after another, over keep-alive HTTP with a bearer token per role. Every command must
 * succeed; a non-2xx is counted and the first few are printed (the figures then say so).
 */
import { signToken } from '../../src/api/auth/token.js';
import type { Role } from '../../src/api/auth/roles.js';
import { ApiHttp } from './api-http.js';
import { decisionCommands, parcelCommands, type ApiCommand } from './api-workload.js';
import { progress } from './report.js';
import { percentile, timed } from './timing.js';

export interface RunFigures {
  readonly commands: number;
  readonly failures: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

const ROLES: readonly Role[] = ['GRANTOR_ADMIN', 'GOV_APPROVER', 'PATROL_POST', 'FIELD_INSPECTOR'];

export const runClients = async (
  baseUrl: string,
  secret: string,
  runId: string,
  clients: number,
  parcelsPerClient: number,
): Promise<RunFigures> => {
  const tokens = new Map<string, string>();
  for (const role of ROLES)
    tokens.set(role, await signToken({ sub: `bench-${role}`, name: role, role, jurisdiction: '3201' }, secret, '2h'));
  const http = new ApiHttp(baseUrl);
  const latencies: number[] = [];
  let failures = 0;
  const send = async (command: ApiCommand, token: string, key: string): Promise<void> => {
    const result = await http.post(command.path, token, command.body, key);
    latencies.push(result.ms);
    if (result.status < 200 || result.status >= 300) {
      failures++;
      if (failures <= 5) progress(`non-2xx ${result.status} POST ${command.path}: ${result.body.slice(0, 300)}`);
    }
  };
  const client = async (c: number): Promise<void> => {
    const decisionId = `BD-${runId}-${c}`;
    const landUserId = `BLU-${runId}-${c}`;
    const user = await signToken(
      { sub: landUserId, name: landUserId, role: 'LAND_USER', jurisdiction: '3201' },
      secret,
      '2h',
    );
    const parcelIds = Array.from({ length: parcelsPerClient }, (_, k) => `BP-${runId}-${c}-${k}`);
    for (const [i, command] of decisionCommands(decisionId, parcelIds).entries()) {
      await send(command, tokens.get(command.role) as string, `${decisionId}:${i}`);
    }
    for (const parcelId of parcelIds) {
      for (const [i, command] of parcelCommands(parcelId, decisionId, landUserId).entries()) {
        await send(
          command,
          command.role === 'LAND_USER' ? user : (tokens.get(command.role) as string),
          `${parcelId}:${i}`,
        );
      }
    }
  };
  try {
    const ms = await timed(async () => {
      await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    });
    return {
      commands: latencies.length,
      failures,
      perSecond: ms <= 0 ? 0 : (latencies.length * 1000) / ms,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    http.close();
  }
};
