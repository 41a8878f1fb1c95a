import type { ShellEvent } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { createDeepLinkRouter } from './deep-links';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('createDeepLinkRouter', () => {
  it('queues links until the renderer is ready, then forwards typed routes', () => {
    const sent: ShellEvent[] = [];
    const router = createDeepLinkRouter((e) => sent.push(e));
    router.receiveArgv(['/usr/bin/flowstage', '--allow-file-access', `flowstage://deal/${ID}`]);
    expect(sent).toEqual([]);
    router.ready();
    expect(sent).toEqual([{ type: 'deepLink', route: { kind: 'deal', id: ID } }]);
    router.receive(`flowstage://open?workspace=${ID}`);
    expect(sent[1]).toEqual({ type: 'deepLink', route: { kind: 'open', workspaceId: ID } });
  });

  it('forwards a clear error for a bad link and ignores argv without a link', () => {
    const sent: ShellEvent[] = [];
    const router = createDeepLinkRouter((e) => sent.push(e));
    router.ready();
    expect(router.receiveArgv(['/usr/bin/flowstage'])).toBeNull();
    router.receive('flowstage://contract/1');
    expect(sent).toEqual([{ type: 'deepLinkError', code: 'unknown_target', message: expect.any(String) }]);
  });

  it('bounds the queue while the renderer is away', () => {
    const sent: ShellEvent[] = [];
    const router = createDeepLinkRouter((e) => sent.push(e));
    router.ready();
    router.notReady();
    for (let i = 0; i < 50; i++) router.receive(`flowstage://artist/${ID}`);
    router.ready();
    expect(sent).toHaveLength(8);
  });
});
