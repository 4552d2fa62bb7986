// vitest globalSetup: the suite runs the compiled server and the bundled
// command (tests/deploy/compiled.test.ts, the CLI tests), so it builds them
// from the current source first (incremental: a few seconds when nothing changed).
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
