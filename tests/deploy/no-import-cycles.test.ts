// No import cycle among the modules under src/. A cycle makes a module run
// before its dependency has finished initialising: an imported const is then
// in its temporal dead zone, or a class undefined, depending on which file
// happens to be imported first. It works until an entry point changes.
//
// Only runtime imports count. Each file is compiled with the project's own
// options (verbatimModuleSyntax: `import type` and `export type` are erased,
// and `import { type A } from './a.js'` stays behind as `import {} from
// './a.js'`, which Node does load), and the imports left in the JavaScript are
// the graph: what Node loads, no more and no less. A cycle made only of types
// cannot misorder anything at run time, so it is not reported. Dynamic
// `import()` is not counted either: it runs after every module has loaded.
// No database needed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');
/** Prisma's generated client: not ours to arrange, and it imports nothing from the rest of src/. */
const skipped = [path.join(src, 'generated')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skipped.includes(full)) return [];
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const compilerOptions = (() => {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  // NodeNext would pick CommonJS for a file transpiled on its own (it cannot see package.json's "type"); the
  // project is ESM, and ESNext keeps import statements as they are.
  return { ...options, module: ts.ModuleKind.ESNext, sourceMap: false, declaration: false, incremental: false };
})();

/** Module specifiers of the static imports and re-exports left once `text` (TypeScript) is compiled. */
function runtimeSpecifiers(text: string, fileName = 'module.ts'): string[] {
  const js = ts.transpileModule(text, { compilerOptions, fileName }).outputText;
  const emitted = ts.createSourceFile('module.js', js, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const specifiers: string[] = [];
  for (const statement of emitted.statements) {
    const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier)) specifiers.push(specifier.text);
  }
  return specifiers;
}

/** The .ts file a relative specifier names ('./x.js' → x.ts, './x' → x.ts or x/index.ts), if it is one of `files`. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), specifier);
  const candidates = [target.replace(/\.(m|c)?js$/, '.$1ts'), `${target}.ts`, path.join(target, 'index.ts')];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

/**
 * One chain per distinct elementary cycle found: for each module of a strongly connected component, the shortest
 * cycle through it (breadth-first within the component). Every module on a cycle appears in at least one chain,
 * and a component does not explode into all of its (exponentially many) cycles.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  const cycles = new Map<string, string[]>();
  for (const component of components) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && (graph.get(component[0]!) ?? []).includes(component[0]!);
    if (component.length === 1 && !selfLoop) continue;
    for (const start of [...component].sort()) {
      // Breadth-first from start, inside the component, until an edge leads back to start.
      const previous = new Map<string, string>();
      const queue = [start];
      let last: string | null = null;
      for (let i = 0; i < queue.length && last === null; i++) {
        const node = queue[i]!;
        for (const next of [...(graph.get(node) ?? [])].sort()) {
          if (next === start) {
            last = node;
            break;
          }
          if (members.has(next) && !previous.has(next) && next !== start) {
            previous.set(next, node);
            queue.push(next);
          }
        }
      }
      if (last === null) continue;
      const path_: string[] = [last];
      while (path_[0] !== start) path_.unshift(previous.get(path_[0]!)!);
      // The same cycle is found from each of its modules: written from its first module by name, it is one chain.
      const first = path_.indexOf([...path_].sort()[0]!);
      const rotated = [...path_.slice(first), ...path_.slice(0, first)];
      cycles.set(rotated.join('\n'), [...rotated, rotated[0]!]);
    }
  }
  return [...cycles.values()].sort((a, b) => a.join('\n').localeCompare(b.join('\n')));
}

describe('the import graph of src/', () => {
  it('counts runtime imports only, as the compiler emits them', () => {
    const specifiers = runtimeSpecifiers(
      [
        "import type { A } from './type-only.js';",
        "import { type B } from './inline-type.js';",
        "import { c, type D } from './value.js';",
        "export type { E } from './type-reexport.js';",
        "export { f } from './reexport.js';",
        "export * from './star.js';",
        "import './side-effect.js';",
        "const later = () => import('./dynamic.js');",
        'export const x: A | B | D = c as never; void later;',
      ].join('\n'),
    );
    // './inline-type.js' stays: verbatimModuleSyntax leaves `import {} from './inline-type.js'` behind.
    expect(specifiers).toEqual(['./inline-type.js', './value.js', './reexport.js', './star.js', './side-effect.js']);
  });

  it('reports each cycle as a chain', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(findCycles(graph).map((chain) => chain.join(' → '))).toEqual(['a → b → a', 'a → b → c → a', 'd → d']);
  });

  it('has no cycle', () => {
    const files = sourceFiles(src);
    const fileSet = new Set(files);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const targets = runtimeSpecifiers(readFileSync(file, 'utf8'), file)
        .map((specifier) => resolve(file, specifier, fileSet))
        .filter((target): target is string => target !== null);
      graph.set(file, [...new Set(targets)]);
    }
    // The graph is really read: the profiler's entry imports its first pass.
    expect(graph.get(path.join(src, 'profiling/profile-file.ts'))).toContain(path.join(src, 'profiling/statistics/column-pass.ts'));
    const cycles = findCycles(graph).map((chain) => chain.map((file) => path.relative(root, file)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
