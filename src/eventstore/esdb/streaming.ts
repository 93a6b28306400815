import type { StreamingRead } from '@eventstore/db-client';

/**
 * Feeds each item of a read to `onItem` until it returns false. A read left early is
 * cancelled explicitly: leaving the async iterator only destroys the Node stream, not the
 * gRPC call behind it. Returns how many items the server sent.
 */
export const visit = async <T>(read: StreamingRead<T>, onItem: (item: T) => boolean): Promise<number> => {
  let received = 0;
  let finished = false;
  try {
    for await (const item of read) {
      received += 1;
      if (!onItem(item)) return received;
    }
    finished = true;
  } finally {
    // Not awaited: cancelling waits for the call to exist, which must not hold up an error.
    if (!finished) void read.cancel().catch(() => undefined);
  }
  return received;
};

/** Resolves with the promise's value, or with `fallback` once `ms` have elapsed. */
export const within = async <T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
