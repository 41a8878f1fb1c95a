// `npm run setup`: install and build only (what `npm start` and `npm test` do first).
import { checkNode, ensureBuilt, ensureInstalled } from './bootstrap.mjs';

checkNode();
ensureInstalled();
await ensureBuilt();
