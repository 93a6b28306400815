import t from 'tap';
import { postgresTestStore } from '../helpers/postgres.js';
import { eventStoreContract } from './contract.js';

eventStoreContract(t, postgresTestStore, { eventIdsUniqueAcrossStreams: true });
