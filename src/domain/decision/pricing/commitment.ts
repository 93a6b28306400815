import { createHash } from 'node:crypto';
import type { Fen } from '../../money.js';

/**
 * The commitment that binds a sealed reserve price to the value disclosed after the deal:
 * sha256 hex of `<valueFen>:<salt>` (UTF-8). The separator keeps (12, '3…') and (123, '…')
 * apart. The salt must be long and random (≥ 128 bits), or the small space of plausible
 * prices could be searched from the public commitment. createHash is pure computation here:
 * no I/O, no clock, no key material.
 */
export const reservePriceCommitment = (valueFen: Fen, salt: string): string =>
  createHash('sha256').update(`${valueFen}:${salt}`, 'utf8').digest('hex');

export const COMMITMENT_FORMAT = /^[0-9a-f]{64}$/;

/** Shortest salt accepted at disclosure (32 hex characters = 128 bits). */
export const MIN_SALT_LENGTH = 32;
