/** Command line of `npm run seed`. */
export interface SeedArgs {
  readonly url: string;
  readonly parcels: number;
  readonly seed: string;
  readonly concurrency: number;
  readonly tokenSecret: string | undefined;
}

const USAGE = 'usage: npm run seed -- --url <base> --parcels N [--seed S] [--concurrency C] [--token-secret SECRET]';

export const parseSeedArgs = (argv: readonly string[]): SeedArgs => {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!['--url', '--parcels', '--seed', '--concurrency', '--token-secret'].includes(flag) || value === undefined) {
      throw new Error(`${flag === undefined ? 'missing arguments' : `bad argument ${flag}`}\n${USAGE}`);
    }
    values.set(flag, value);
  }
  const url = values.get('--url');
  const parcels = Number(values.get('--parcels'));
  const concurrency = Number(values.get('--concurrency') ?? '6');
  const seed = values.get('--seed') ?? '1';
  if (url === undefined || !/^https?:\/\//.test(url)) throw new Error(`--url must be http(s)://host:port\n${USAGE}`);
  if (!Number.isInteger(parcels) || parcels < 1 || parcels > 100_000)
    throw new Error(`--parcels must be 1–100000\n${USAGE}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new Error(`--concurrency must be 1–256\n${USAGE}`);
  if (!/^[A-Za-z0-9]{1,16}$/.test(seed)) throw new Error(`--seed must be 1–16 letters or digits\n${USAGE}`);
  return { url: url.replace(/\/+$/, ''), parcels, seed, concurrency, tokenSecret: values.get('--token-secret') };
};
