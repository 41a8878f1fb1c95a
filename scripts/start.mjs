// `npm start`: does its own setup, then runs the product — cloud API, sync server and
// the desktop (Electron when its binary is present, else the browser shell) — with
// embedded databases and a demo agency. Ctrl-C stops everything cleanly.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { checkNode, ensureBuilt, ensureInstalled, root } from './bootstrap.mjs';

const t0 = Date.now();
checkNode();
ensureInstalled();
await ensureBuilt();
const { runStack } = await import(pathToFileURL(join(root, 'dist/stack.mjs')).href);
await runStack({ startedAt: t0 });
