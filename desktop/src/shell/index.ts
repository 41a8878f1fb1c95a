export { MAX_MESSAGE_BYTES, RPC_PATH, type Shell, type ShellOptions, startShell } from './server';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security';
