// npm run build (also run at install): compiles src/ to dist/ with tsc, which
// keeps src's layout (so relative paths such as the migrations folder hold),
// and bundles the command line into dist/datainsight.mjs with esbuild, so
// `datainsight profile` starts without resolving hundreds of modules, and
// builds the web app (web/) with Vite into dist/app. Nothing
// is transpiled at run time. Skipped when src/ is not there yet (the Docker
// image installs dependencies before it copies the code).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (!existsSync('src/server.ts')) {
  console.log('build: no src/ yet, skipped');
  process.exit(0);
}
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/datainsight.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // The native DuckDB binding is loaded by require() from its own package.
  external: ['@duckdb/node-bindings'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The web app (web/) into dist/app, served by the API at / (src/web/serve-app.ts).
const vite = await import('vite');
await vite.build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
