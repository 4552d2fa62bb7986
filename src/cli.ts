/**
 * datainsight command line. Subcommands live in one table so that adding one (e.g. `analyze`) is one entry.
 *   datainsight profile FILE [--json]
 *   datainsight analyze FILE [--goal GOAL] [--target COLUMN] [--json] [--code]
 *   datainsight compare BASE TARGET [--json] [--exact] [--goal GOAL]
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ComparisonError, compareFiles, compareProfiles, renderComparisonText, toComparableAnalysis } from './comparison/index.js';
import { ANALYSIS_GOALS, analyzeProfile, InsightsError, renderAnalysisText, type AnalysisGoal } from './insights/index.js';
import { DEFAULT_NULL_TOKENS, profileFile, ProfilingError, renderProfileTable, type ProfileProgress } from './profiling/index.js';

interface Subcommand {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Files above this size get a progress line on stderr. */
const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

function progressReporter(enabled: boolean): { onProgress?: (p: ProfileProgress) => void; finish(): void } {
  if (!enabled) return { finish() {} };
  let last = '';
  return {
    onProgress({ phase, percent }) {
      const text = `profiling: ${phase}${percent === null ? '' : ` ${percent.toFixed(0)}%`}`;
      if (text === last) return;
      last = text;
      process.stderr.write(process.stderr.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
    },
    finish() {
      if (process.stderr.isTTY && last) process.stderr.write('\r\x1b[2K');
    },
  };
}

const profile: Subcommand = {
  usage: 'profile FILE [--json] [--memory-limit 1GB] [--temp-dir DIR] [--exact-row-limit N] [--missing-marker TOKEN]…',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'memory-limit': { type: 'string' },
        'temp-dir': { type: 'string' },
        'exact-row-limit': { type: 'string' },
        'missing-marker': { type: 'string', multiple: true },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError(`usage: datainsight ${this.usage}`);
    const size = await stat(file)
      .then((s) => s.size)
      .catch(() => 0);
    const progress = progressReporter(size >= PROGRESS_MIN_BYTES);
    try {
      const result = await profileFile(file, {
        ...(values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {}),
        ...(values['temp-dir'] ? { tempDirectory: values['temp-dir'] } : {}),
        ...(values['exact-row-limit'] ? { exactRowLimit: Number(values['exact-row-limit']) } : {}),
        ...nullTokensOption(values['missing-marker']),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      });
      progress.finish();
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderProfileTable(result)}\n`);
      return 0;
    } finally {
      progress.finish();
    }
  },
};

/** Profile then analyse: the same two library calls the server's job runner makes. */
const analyze: Subcommand = {
  usage: `analyze FILE [--goal ${ANALYSIS_GOALS.join('|')}] [--target COLUMN] [--json] [--code] [--missing-marker TOKEN]…`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        goal: { type: 'string', default: 'GENERAL_AUDIT' },
        target: { type: 'string' },
        json: { type: 'boolean', default: false },
        code: { type: 'boolean', default: false },
        'missing-marker': { type: 'string', multiple: true },
      },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError(`usage: datainsight ${this.usage}`);
    const goal = values.goal.toUpperCase().replaceAll('-', '_');
    if (!(ANALYSIS_GOALS as readonly string[]).includes(goal)) {
      throw new UsageError(`unknown goal ${JSON.stringify(values.goal)}; expected one of ${ANALYSIS_GOALS.join(', ')}`);
    }
    const size = await stat(file)
      .then((s) => s.size)
      .catch(() => 0);
    const progress = progressReporter(size >= PROGRESS_MIN_BYTES);
    try {
      const profiled = await profileFile(file, {
        ...nullTokensOption(values['missing-marker']),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      });
      progress.finish();
      const result = analyzeProfile(profiled, { goal: goal as AnalysisGoal, targetColumn: values.target ?? null });
      process.stdout.write(
        values.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderAnalysisText(result, { withCode: values.code })}\n`,
      );
      return 0;
    } finally {
      progress.finish();
    }
  },
};

/** Profile and analyse both files (goal DATA_QUALITY unless told), then compare the analyses; --exact reads the files again. */
const compare: Subcommand = {
  usage: `compare BASE TARGET [--json] [--exact] [--goal ${ANALYSIS_GOALS.join('|')}] [--missing-marker TOKEN]…`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        exact: { type: 'boolean', default: false },
        goal: { type: 'string', default: 'DATA_QUALITY' },
        'missing-marker': { type: 'string', multiple: true },
      },
    });
    const [baseFile, targetFile] = positionals;
    if (!baseFile || !targetFile || positionals.length > 2) throw new UsageError(`usage: datainsight ${this.usage}`);
    const goal = values.goal.toUpperCase().replaceAll('-', '_');
    if (!(ANALYSIS_GOALS as readonly string[]).includes(goal)) {
      throw new UsageError(`unknown goal ${JSON.stringify(values.goal)}; expected one of ${ANALYSIS_GOALS.join(', ')}`);
    }
    const analyse = async (file: string) => {
      const size = await stat(file)
        .then((s) => s.size)
        .catch(() => 0);
      const progress = progressReporter(size >= PROGRESS_MIN_BYTES);
      try {
        const profiled = await profileFile(file, {
          ...nullTokensOption(values['missing-marker']),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        });
        return toComparableAnalysis(profiled, analyzeProfile(profiled, { goal: goal as AnalysisGoal }));
      } finally {
        progress.finish();
      }
    };
    const base = await analyse(baseFile);
    const target = await analyse(targetFile);
    try {
      const comparison = values.exact ? await compareFiles(baseFile, targetFile, base, target) : compareProfiles(base, target);
      process.stdout.write(values.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${renderComparisonText(comparison)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ComparisonError)) throw error;
      process.stderr.write(`error (${error.code}): ${error.message}\n`);
      return 1;
    }
  },
};

/** --missing-marker TOKEN (repeatable): counted as missing besides the standard null tokens. */
function nullTokensOption(markers: string[] | undefined): { nullTokens?: string[] } {
  return markers?.length ? { nullTokens: [...DEFAULT_NULL_TOKENS, ...markers] } : {};
}

const subcommands: Record<string, Subcommand> = { profile, analyze, compare };

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const subcommand = name ? subcommands[name] : undefined;
  if (!subcommand) {
    const list = Object.values(subcommands)
      .map((s) => `  datainsight ${s.usage}`)
      .join('\n');
    process.stderr.write(`usage:\n${list}\n`);
    return name ? 2 : 0;
  }
  try {
    return await subcommand.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof ProfilingError || error instanceof InsightsError) {
      process.stderr.write(`error (${error.code}): ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
