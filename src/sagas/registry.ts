/** Every saga the service runs; a new one is one more entry here. */
import { creditArchiveSaga } from './credit-archive/saga.js';
import { parcelTimersSaga } from './parcel-timers/saga.js';
import { reportTimersSaga } from './reporting/saga.js';
import { linkageTimersSaga } from './linkage/saga.js';
import { announcementTimersSaga } from './announcement/saga.js';
import type { Saga } from './saga.js';

/** The runner keeps each saga's state as JSON and hands it back to the same saga only. */
const erased = <S>(saga: Saga<S>): Saga<unknown> => saga;

export const SAGAS: readonly Saga<unknown>[] = [
  erased(parcelTimersSaga),
  erased(creditArchiveSaga),
  erased(reportTimersSaga),
  erased(linkageTimersSaga),
  erased(announcementTimersSaga),
];

export const sagaNamed = (name: string): Saga<unknown> | undefined => SAGAS.find((s) => s.name === name);
