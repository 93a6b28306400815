/**
 * Loads a year of the working calendar from a machine-readable mirror (NateScarlet/holiday-cn's
 * `{year, papers, days:[{name, date, isOffDay}]}`, DOMAIN.md §11.2) into a running service, through
 * the same commands an officer would send:
 *
 *   npm run calendar:import -- <file.json> [--url http://127.0.0.1:$PORT] [--scope CN] [--token-secret S]
 *
 * A year not yet published is sent as PublishCalendarYear; a published year that differs from the
 * file as AmendCalendar with exactly the difference (sourceUrl = the file's first paper); the same
 * year again changes nothing. It acts as the ministry (or, for an overlay scope, as that province's
 * reviewer) with a token signed by the service's secret, like `npm run token`. Exit 0 on success,
 * 1 when the service refuses (its problem+json is printed), 2 on bad arguments or a bad file.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { authSecret } from '../src/api/auth/secrets.js';
import { signToken } from '../src/api/auth/token.js';
import { loadConfig } from '../src/config.js';
import { divisionCodeOf } from '../src/domain/jurisdiction.js';
import { fromHolidayCn } from '../src/domain/working-calendar/index.js';

const usage =
  'usage: npm run calendar:import -- <file.json> [--url http://127.0.0.1:$PORT] [--scope CN] [--token-secret S]';

const difference = (want: readonly string[], have: readonly string[]) => ({
  add: want.filter((d) => !have.includes(d)),
  remove: have.filter((d) => !want.includes(d)),
});

const main = async (): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        scope: { type: 'string', default: 'CN' },
        'token-secret': { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const [file] = parsed.positionals;
  const { scope } = parsed.values;
  const config = loadConfig();
  // The service of this environment by default (same PORT), like `npm run token` uses its secret.
  const url = parsed.values.url ?? `http://127.0.0.1:${config.PORT}`;
  if (file === undefined) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  let data;
  try {
    data = fromHolidayCn(JSON.parse(await readFile(file, 'utf8')), scope);
  } catch (error) {
    process.stderr.write(`calendar:import: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const division = divisionCodeOf(scope);
  const secret = parsed.values['token-secret'] ?? authSecret(config);
  const token = await signToken(
    scope === 'CN'
      ? { sub: 'calendar-import', name: '自然资源部信息中心（日历导入）', role: 'MINISTRY', jurisdiction: 'CN' }
      : {
          sub: 'calendar-import',
          name: '省级自然资源主管部门（日历导入）',
          role: 'PROVINCE_REVIEWER',
          jurisdiction: division ?? scope,
        },
    secret,
    '10m',
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const current = await fetch(`${url}/calendar/${data.year}?scope=${encodeURIComponent(scope)}`, { headers });
  const year = current.ok
    ? ((await current.json()) as { published: boolean; offDays: string[]; makeUpWorkDays: string[] })
    : null;
  let command: 'publish-calendar-year' | 'amend-calendar';
  let body: Record<string, unknown>;
  if (year === null || !year.published) {
    command = 'publish-calendar-year';
    body = data;
  } else {
    const off = difference(data.offDays, year.offDays);
    const work = difference(data.makeUpWorkDays, year.makeUpWorkDays);
    if (off.add.length + off.remove.length + work.add.length + work.remove.length === 0) {
      process.stdout.write(`${scope} ${data.year}: already as in ${file}; nothing sent\n`);
      return 0;
    }
    command = 'amend-calendar';
    body = {
      scope,
      year: data.year,
      changes: {
        addOffDays: off.add,
        removeOffDays: off.remove,
        addMakeUpWorkDays: work.add,
        removeMakeUpWorkDays: work.remove,
      },
      sourceUrl: data.sourceUrl,
      documentNo: data.documentNo,
    };
  }
  const response = await fetch(`${url}/calendars/${encodeURIComponent(scope)}/${command}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    process.stderr.write(`calendar:import: ${command} refused (${response.status}): ${text}\n`);
    return 1;
  }
  process.stdout.write(`${scope} ${data.year}: ${command} accepted: ${text}\n`);
  return 0;
};

process.exitCode = await main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  process.stderr.write(`calendar:import: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
  return 1;
});
