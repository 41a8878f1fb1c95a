/**
 * Deep links in the main process: links arrive through `open-url` (macOS), the
 * command line of the first launch or of a `second-instance` (Windows/Linux). Each is
 * parsed with the shared parser and becomes a typed shell event; events arriving
 * before the renderer is ready are queued (bounded) and delivered once it is.
 */
import { deepLinkFromArgv, parseDeepLink, ShellEvent } from '@flowstage/shared';

const MAX_QUEUED = 8;

export interface DeepLinkRouter {
  /** A raw link from open-url or argv. Returns the event it produced. */
  receive(raw: string): ShellEvent;
  /** A process command line: forwards its flowstage:// link, if any. */
  receiveArgv(argv: readonly string[]): ShellEvent | null;
  /** The renderer can receive events now: flushes the queue. */
  ready(): void;
  /** The renderer went away (reload, window closed): queue again. */
  notReady(): void;
}

export function shellEventForLink(raw: string): ShellEvent {
  const result = parseDeepLink(raw);
  return ShellEvent.parse(
    result.ok
      ? { type: 'deepLink', route: result.route }
      : { type: 'deepLinkError', code: result.error.code, message: result.error.message },
  );
}

export function createDeepLinkRouter(send: (event: ShellEvent) => void): DeepLinkRouter {
  let isReady = false;
  const queue: ShellEvent[] = [];
  const deliver = (event: ShellEvent): void => {
    if (isReady) {
      send(event);
      return;
    }
    queue.push(event);
    if (queue.length > MAX_QUEUED) queue.shift();
  };
  const router: DeepLinkRouter = {
    receive(raw) {
      const event = shellEventForLink(raw);
      deliver(event);
      return event;
    },
    receiveArgv(argv) {
      const link = deepLinkFromArgv(argv);
      return link === null ? null : router.receive(link);
    },
    ready() {
      isReady = true;
      for (const event of queue.splice(0)) send(event);
    },
    notReady() {
      isReady = false;
    },
  };
  return router;
}
