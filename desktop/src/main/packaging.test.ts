import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEEP_LINK_SCHEME } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';

const config = readFileSync(path.resolve(__dirname, '../../../electron-builder.yml'), 'utf8');

describe('electron-builder.yml', () => {
  it('registers the flowstage:// protocol for every platform', () => {
    expect(config).toMatch(
      new RegExp(
        `protocols:\\s*\\n\\s*- name: Flow Stage\\s*\\n\\s*schemes:\\s*\\n\\s*- ${DEEP_LINK_SCHEME}\\b`,
      ),
    );
    expect(config).toContain(`MimeType: x-scheme-handler/${DEEP_LINK_SCHEME};`);
  });

  it('starts the bundled main process', () => {
    expect(config).toContain('main: dist/main/main.cjs');
  });
});
