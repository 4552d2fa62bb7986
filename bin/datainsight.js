#!/usr/bin/env node
// The command line, compiled and bundled at install (npm run build).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/datainsight.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('datainsight is not built: run `npm run build` (npm ci does it).');
  process.exit(1);
}
await import(bundle.href);
