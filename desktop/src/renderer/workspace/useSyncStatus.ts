import type { SyncStatus } from '@flowstage/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';

/** The core's sync status: fetched once, then kept current by `sync.status` events. */
export function useSyncStatus(): SyncStatus | null {
  const rpc = useRpc();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // An event is newer than the answer to a call sent before it.
  const eventsSeen = useRef(0);

  const load = useCallback(() => {
    const before = eventsSeen.current;
    rpc.call('sync.status', {}).then(
      (value) => {
        if (eventsSeen.current === before) setStatus(value);
      },
      () => undefined,
    );
  }, [rpc]);

  useEffect(load, [load]);
  useOnReconnect(load);
  useRpcEvent('sync.status', (value) => {
    eventsSeen.current += 1;
    setStatus(value);
  });
  return status;
}
