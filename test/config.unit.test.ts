import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

t.test('defaults give the embedded service', async (t) => {
  const config = loadConfig({});
  t.equal(config.DATABASE_URL, undefined);
  t.equal(config.ESDB_CONNECTION_STRING, undefined);
  t.equal(config.PORT, 3000);
  t.equal(config.LOG_LEVEL, 'info');
  t.equal(config.DATA_DIR, './data');
  t.ok(Object.isFrozen(config));
});

t.test('values are parsed and empty ones count as unset', async (t) => {
  const config = loadConfig({
    PORT: '8080',
    LOG_LEVEL: 'debug',
    DATABASE_URL: 'postgres://u@h:5432/db',
    ESDB_CONNECTION_STRING: '',
  });
  t.equal(config.PORT, 8080);
  t.equal(config.LOG_LEVEL, 'debug');
  t.equal(config.DATABASE_URL, 'postgres://u@h:5432/db');
  t.equal(config.ESDB_CONNECTION_STRING, undefined);
});

t.test('bad values fail fast, naming each variable and its rule', async (t) => {
  t.throws(() => loadConfig({ LOG_LEVEL: 'verbose' }), { name: 'ConfigError', message: /LOG_LEVEL="verbose"/ });
  t.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
  t.throws(() => loadConfig({ PORT: '70000' }), { message: /PORT="70000"/ });
  t.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), { message: /DATABASE_URL=.*postgres:\/\// });
  t.throws(() => loadConfig({ ESDB_CONNECTION_STRING: 'http://x' }), { message: /ESDB_CONNECTION_STRING/ });
  t.throws(() => loadConfig({ LOG_LEVEL: 'loud', PORT: '-1' }), {
    message: /LOG_LEVEL[\s\S]*PORT|PORT[\s\S]*LOG_LEVEL/,
  });
});
