/**
 * Prints a bearer token signed with the secret the service uses (same environment, same
 * DATA_DIR): `npm run token -- --sub <id> --role <ROLE> --jurisdiction <code> [--name <text>] [--ttl 8h]`.
 * The token is the last line of stdout, so `TOKEN=$(npm run -s token -- … | tail -n 1)` works.
 */
import { parseArgs } from 'node:util';
import { authSecret } from '../src/api/auth/secrets.js';
import { ROLES } from '../src/api/auth/roles.js';
import { actorClaims, signToken, TTL } from '../src/api/auth/token.js';
import { ConfigError, loadConfig } from '../src/config.js';

const usage = `usage: npm run token -- --sub <id> --role <${ROLES.join('|')}> --jurisdiction <CN|division code> [--name <text>] [--ttl 8h]`;

const main = async (): Promise<number> => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        role: { type: 'string' },
        jurisdiction: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string', default: '8h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const claims = actorClaims.safeParse({ ...values, name: values.name ?? values.sub });
  if (!claims.success) {
    for (const issue of claims.error.issues) process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (!TTL.test(values.ttl)) {
    process.stderr.write(`--ttl: must be a number and a unit (s, m, h, d, w), e.g. 8h\n${usage}\n`);
    return 2;
  }
  try {
    const secret = authSecret(loadConfig());
    process.stdout.write(`${await signToken(claims.data, secret, values.ttl)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
};

process.exitCode = await main();
