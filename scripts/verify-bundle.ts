/**
 * Auditor's tool, offline (no database, no configuration): checks an audit bundle downloaded from
 * GET /parcels/{id}/audit-bundle or /decisions/{id}/audit-bundle (src/audit/bundle/verify.ts):
 * every event's hash chain from revision 0, the manifest's eventsSha256, and that the stream's head
 * at the digest's cut is in the bundle and its Merkle proof leads to the digest's root. Prints that
 * root: compare it with the digest you kept (or pass it with --root to compare here).
 *   npm run verify-bundle -- <file> [--root <hex>]
 * Exit code 0 = the bundle holds, 1 = broken (the first broken line and revision, and why).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../src/audit/bundle/verify.js';

const { values, positionals } = parseArgs({ options: { root: { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (file === undefined || positionals.length > 1) {
  process.stderr.write('usage: npm run verify-bundle -- <file> [--root <hex>]\n');
  process.exit(1);
}
const verdict = verifyBundle(
  readFileSync(file, 'utf8'),
  values.root === undefined ? {} : { expectedRoot: values.root },
);
if (!verdict.ok) {
  const where = [
    verdict.line === null ? null : `line ${verdict.line}`,
    verdict.revision === null ? null : `revision ${verdict.revision}`,
  ].filter((w) => w !== null);
  process.stdout.write(`BROKEN${where.length > 0 ? ` at ${where.join(', ')}` : ''}: ${verdict.reason}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `ok: ${verdict.stream}, ${verdict.events} events, chain holds, last hash ${verdict.lastHash ?? '-'}\n`,
  );
  if (verdict.root === null) process.stdout.write('no digest covers this stream yet: nothing to compare\n');
  else {
    process.stdout.write(`digest ${verdict.digestId} at ${verdict.upTo}: the proof leads to root\n${verdict.root}\n`);
    process.stdout.write(
      values.root === undefined
        ? 'compare it with the root you kept (or pass --root <hex>)\n'
        : 'it is the root you kept\n',
    );
  }
}
