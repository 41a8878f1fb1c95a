import type { RpcEventName, RpcEventPayload } from '@flowstage/shared';
import { createContext, type ReactNode, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ConnectionState, RpcClient } from './client';

const RpcContext = createContext<RpcClient | null>(null);

export function RpcProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <RpcContext.Provider value={client}>{children}</RpcContext.Provider>;
}

export function useRpc(): RpcClient {
  const client = useContext(RpcContext);
  if (!client) throw new Error('useRpc must be used inside <RpcProvider>');
  return client;
}

/** Subscribes to a core event for the component's lifetime; the latest callback is always used. */
export function useRpcEvent<E extends RpcEventName>(
  event: E,
  callback: (payload: RpcEventPayload<E>) => void,
): void {
  const client = useRpc();
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

export function useConnectionState(): ConnectionState {
  const client = useRpc();
  return useSyncExternalStore(
    (notify) => client.onConnection(notify),
    () => client.connection,
  );
}

/** Runs `callback` each time the connection comes back after a drop (to refetch what may have changed). */
export function useOnReconnect(callback: () => void): void {
  const client = useRpc();
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    let previous = client.connection;
    return client.onConnection((state) => {
      if (state === 'open' && previous === 'reconnecting') latest.current();
      previous = state;
    });
  }, [client]);
}
