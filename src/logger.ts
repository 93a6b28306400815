import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs on stdout; request ids are added by fastify per request. */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger =>
  pino({ level: config.LOG_LEVEL, base: { service: 'land-ledger' } });
