import type { EventStoreDBClient } from '@eventstore/db-client';

/** The part of a gRPC channel we need: closing it. */
export interface ClosableChannel {
  close(): void;
}

/** The client's protected channel getter, which every gRPC call goes through. */
interface WithChannelGetter {
  getChannel: () => Promise<ClosableChannel>;
}

/**
 * Records every gRPC channel the client opens, and returns a function that closes them all.
 * `client.dispose()` of @eventstore/db-client 6.x only cancels the streams in flight; it never
 * closes the channel, so the connection (and a process waiting on it) would stay up. The
 * client offers no public way, so this wraps its (protected) `getChannel`, which every call
 * and every reconnect goes through. Throws at once if a client version lacks it, so an
 * upgrade cannot silently bring the leak back.
 */
export const trackChannels = (client: EventStoreDBClient): (() => void) => {
  const target = client as unknown as WithChannelGetter;
  const getChannel = target.getChannel;
  if (typeof getChannel !== 'function') {
    throw new Error('@eventstore/db-client has no getChannel: cannot close its gRPC channel on close()');
  }
  const opened = new Set<ClosableChannel>();
  target.getChannel = async () => {
    const channel = await getChannel();
    opened.add(channel);
    return channel;
  };
  return () => {
    for (const channel of opened) channel.close();
    opened.clear();
  };
};
