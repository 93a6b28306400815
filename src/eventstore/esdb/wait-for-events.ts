import { START, excludeSystemEvents } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { Checkpoint, WaitOptions } from '../types.js';
import { comparePositions, parseCheckpoint } from './checkpoint.js';

/**
 * Resolves as soon as a non-system event exists after `after`, or on timeout, abort or
 * `stop()` (close of the store). A catch-up subscription to $all does the waiting on the
 * server, filtered there, so an idle runner costs one open call and no polling. Never
 * rejects: a failing subscription waits out the timeout, so a runner whose next read fails
 * backs off instead of spinning; its read reports the error.
 */
export const waitForEvents = (
  client: EventStoreDBClient,
  after: Checkpoint | null,
  options: WaitOptions,
  register: (stop: () => void) => () => void,
): Promise<void> => {
  const from = after === null ? null : parseCheckpoint(after);
  if (options.signal?.aborted === true || options.timeoutMs <= 0) return Promise.resolve();

  return new Promise<void>((resolve) => {
    const subscription = client.subscribeToAll({ fromPosition: from ?? START, filter: excludeSystemEvents() });
    let done = false;
    let unregister = (): void => undefined;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', finish);
      unregister();
      subscription.unsubscribe().catch(() => undefined);
      resolve();
    };
    const onData = (resolved: AllStreamResolvedEvent): void => {
      const position = resolved.event?.position;
      // Subscriptions start after their position; the check only guards that assumption.
      if (position === undefined || from === null || comparePositions(position, from) > 0) finish();
    };

    const timer = setTimeout(finish, options.timeoutMs);
    unregister = register(finish);
    options.signal?.addEventListener('abort', finish, { once: true });
    subscription.on('data', onData);
    // Kept for the subscription's whole life: an 'error' without a listener would crash the process.
    subscription.on('error', () => {
      subscription.off('data', onData);
      subscription.unsubscribe().catch(() => undefined);
    });
  });
};
