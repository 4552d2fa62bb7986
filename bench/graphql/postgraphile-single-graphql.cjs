// Preloaded into PostGraphile's process by postgraphile-compare.ts. PostGraphile
// v4 needs graphql@15 while the project runs graphql@16, so npm nests 15 under
// postgraphile/ and graphile-build-pg/, and leaves packages such as
// graphql-parse-resolve-info on the project's 16; copies of graphql refuse each
// other's types ("Unexpected input type: Int"). That process runs PostGraphile
// only, so every graphql and graphile-build request in it resolves to
// postgraphile/'s own copy, as PostGraphile's own install would have it.
const Module = require('node:module');
const path = require('node:path');

const postgraphileDir = path.dirname(require.resolve('postgraphile/package.json'));
const single = new Map(['graphql', 'graphile-build'].map((name) => [name, path.join(postgraphileDir, 'node_modules', name)]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const name = request.split('/')[0];
  const dir = single.get(name);
  return resolve.call(this, dir ? dir + request.slice(name.length) : request, ...rest);
};
