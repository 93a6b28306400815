import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startService } from '../src/service.js';
import { newEvent } from './helpers/events.js';

const logger = pino({ level: 'silent' });

t.test('embedded default: runs on PGlite under DATA_DIR and a restart keeps the events', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const config = loadConfig({ DATA_DIR: dir, PORT: '0' });
  const first = await startService(config, logger);
  const ready = await fetch(`${first.url}/ready`);
  t.equal(ready.status, 200, 'ready over a real port');
  const event = newEvent('ParcelGranted', { parcelId: 'p-1' });
  await first.store.append('parcel-p-1', [event], { expectedRevision: 'no_stream' });
  await first.close();

  const second = await startService(config, logger);
  const events = await second.store.readStream('parcel-p-1');
  t.same(
    events.map((e) => e.id),
    [event.id],
    'the event survived the restart',
  );
  await second.close();
});

const runMain = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
};

t.test('the process shuts down cleanly on SIGTERM', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const run = runMain({ DATA_DIR: dir, PORT: '0' });
  const deadline = Date.now() + 30_000;
  while (!run.out().includes('service started') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const started = JSON.parse(
    run
      .out()
      .split('\n')
      .find((l) => l.includes('service started')) ?? '{}',
  ) as { url?: string };
  t.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.equal((await fetch(`${started.url}/health`)).status, 200);
  run.child.kill('SIGTERM');
  t.equal(await run.exited, 0, 'exit code 0');
  t.match(run.out(), /shutting down/);
});

t.test('an invalid setting stops the start with the variable named', async (t) => {
  const run = runMain({ LOG_LEVEL: 'chatty', PORT: '0' });
  t.equal(await run.exited, 2);
  t.match(run.err(), /LOG_LEVEL="chatty"/);
});
