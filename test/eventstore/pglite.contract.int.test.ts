import t from 'tap';
import { pgliteTestStore } from '../helpers/postgres.js';
import { eventStoreContract } from './contract.js';

eventStoreContract(t, pgliteTestStore, { eventIdsUniqueAcrossStreams: true });
