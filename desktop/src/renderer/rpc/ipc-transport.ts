import type { RpcEventName, RpcMethod, RpcParams, RpcResponse } from '@flowstage/shared';
import type { FlowstageBridge } from '../../preload/api';
import { RpcCallError } from './errors';
import type { ConnectionState, RpcTransport } from './transport';

/** Electron: the preload's `window.flowstage` bridge; IPC never disconnects. */
export class IpcTransport implements RpcTransport {
  readonly kind = 'electron';
  readonly state: ConnectionState = 'open';

  constructor(private readonly bridge: FlowstageBridge) {}

  async request<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResponse> {
    try {
      return await this.bridge.rpc(method, params);
    } catch (err) {
      throw new RpcCallError('ipc', err instanceof Error ? err.message : String(err));
    }
  }

  on(event: RpcEventName, listener: (payload: unknown) => void): () => void {
    return this.bridge.on(event, listener);
  }

  onState(): () => void {
    return () => undefined;
  }

  close(): void {}
}
