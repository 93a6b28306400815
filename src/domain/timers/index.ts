export type { TimerStamp, TimerRequest } from './types.js';
export { startOfShanghaiDay, timerIdOf } from './types.js';
export type {
  TimerEvent,
  TimerScheduledData,
  TimerRescheduledData,
  TimerCancelledData,
  TimerFiredData,
} from './events.js';
export { TIMER_EVENT_TYPES } from './events.js';
export type {
  ApplyTimerRequests,
  RecordObsoleteFiring,
  RecordObsoleteFirings,
  TimerCommand,
  TimersState,
} from './decider.js';
export { stampOf, timersDecider } from './decider.js';
