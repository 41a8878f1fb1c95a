import { RpcCallError } from '../rpc/errors';
import type { MessageKey } from './en';
import type { Translator } from './translate';

const ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  email_taken: 'error.email_taken',
  network: 'error.network',
  rate_limited: 'error.rate_limited',
  disconnected: 'error.disconnected',
  timeout: 'error.timeout',
  invalid_params: 'error.invalid_params',
  not_found: 'error.not_found',
  no_workspace: 'error.no_workspace',
};

/** A sentence for the user from any failure: known RPC codes are translated, others show their message. */
export function errorMessage(translator: Translator, err: unknown): string {
  if (err instanceof RpcCallError) {
    const key = ERROR_KEYS[err.code];
    if (key) return translator.t(key);
    return translator.t('error.unknown', { message: err.message || err.code });
  }
  return translator.t('error.unknown', { message: err instanceof Error ? err.message : String(err) });
}
