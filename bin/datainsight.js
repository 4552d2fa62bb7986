#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx's ESM loader is registered before the entry point is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
