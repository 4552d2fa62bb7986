/**
 * PATTERN_VIOLATION: values off the column's semantic type (invalid emails, URLs…), values in a minority
 * format (phone numbers or dates written several ways), several spellings or casings of one category
 * ("US", "us", "U.S."), and leading or trailing whitespace.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { semanticRegex } from '../code/semantic-patterns.js';
import { col, pyList, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident, listLiteral, literal, text, trimmed } from '../code/sql.js';
import { missingPandas, missingSql, parseOfCandidate, parsedPandas, parsedSql, type ParseAs } from '../code/typed-values.js';
import { LADDERS, THRESHOLDS, adjustForGoal, fromLadder } from '../severity.js';
import type { CodeSuggestion } from '../types.js';
import {
  evidence,
  exampleList,
  fmtCount,
  fmtEstimate,
  isTemporal,
  isText,
  name,
  otherDateLayouts,
  pct,
  presentCount,
  q,
  type Finding,
  type RuleContext,
} from './context.js';

export function patternViolation(context: RuleContext): Finding[] {
  return context.profile.columns.flatMap((c) => [
    ...semanticMismatch(c, context),
    ...mixedFormats(c, context),
    ...mixedDateLayouts(c, context),
    ...spellingVariants(c, context),
    ...likelyTypos(c, context),
    ...surroundingWhitespace(c, context),
  ]);
}

function semanticMismatch(column: ColumnProfile, context: RuleContext): Finding[] {
  const semantic = column.distributionData.semantic;
  if (!semantic || semantic.type === 'free_text') return [];
  const present = presentCount(column);
  const count = present - semantic.matchingCount;
  if (count <= 0) return [];
  const share = count / present;
  const regex = semanticRegex(semantic.type);
  const t = trimmed(column.columnName);
  const conforms = regex.kind === 'list' ? `${t} IN ${listLiteral(regex.values)}` : `regexp_full_match(${t}, ${literal(regex.body)})`;
  const conformsPandas =
    regex.kind === 'list'
      ? `${col(column.columnName)}.astype("string").str.strip().isin(${pyList(regex.values)})`
      : `${col(column.columnName)}.astype("string").str.strip().str.fullmatch(${pyStr(regex.body)})`;
  const label = semantic.type.replace('_', ' ');
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.semanticMismatch, share), { goal: context.goal, dimension: 'validity', onTarget: false }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} holds ${label} values (${pct(semantic.share)} match), but ${fmtCount(count)} of ${fmtCount(present)} (${pct(share)}) are not a valid ${label}: ` +
        `${exampleList(semantic.nonMatchingExamples)}.`,
      recommendation: `Correct the invalid ${label} values at the source, or set them to missing so that nothing downstream (mailings, joins, validation) trusts them.`,
      code: {
        pandas: [
          'import pandas as pd',
          `invalid = ~${missingPandas(column)} & ~${conformsPandas}.fillna(False).astype(bool)`,
          `df.loc[invalid, ${pyStr(column.columnName)}] = pd.NA`,
        ].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE NOT ${missingSql(column)} AND NOT ${conforms}`,
          fix: `SELECT * REPLACE (CASE WHEN ${conforms} THEN ${text(column.columnName)} END AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
        },
      },
      evidence: evidence({
        check: 'semantic_mismatch',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'semantic type chosen from share', value: 0.8 },
        examples: semantic.nonMatchingExamples,
        impact: { dimension: 'validity', units: count },
        facts: {
          semanticType: semantic.type,
          matchingShare: semantic.share,
          pattern: regex.kind === 'list' ? 'ISO country codes' : regex.body,
        },
      }),
    },
  ];
}

/** A value shape ("9-9-9") as a regex body for the values that have it. */
export function shapeRegex(shape: string): string {
  let out = '';
  for (const ch of shape) {
    if (ch === 'A') out += '\\p{Lu}+';
    else if (ch === 'a') out += '[\\p{Ll}\\p{Lt}\\p{Lm}\\p{Lo}]+';
    else if (ch === '9') out += '\\p{Nd}+';
    else if (ch === ' ') out += '\\s+';
    else out += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => `\\${m}`);
  }
  return out;
}

/** Shapes that mean "written several ways": dates, times, phone numbers, postal codes. */
function formatMatters(column: ColumnProfile): boolean {
  const semantic = column.distributionData.semantic?.type;
  if (isTemporal(column) || semantic === 'phone' || semantic === 'postal_code') return true;
  const shares = column.distributionData.typeConsistency.candidateShares;
  const dateShare = Object.entries(shares)
    .filter(([k]) => k.startsWith('date('))
    .reduce((sum, [, v]) => sum + v, 0);
  return isText(column) && dateShare >= THRESHOLDS.mixedTypeShare;
}

function mixedFormats(column: ColumnProfile, context: RuleContext): Finding[] {
  const { shapes, approximate } = column.distributionData.patterns;
  if (!formatMatters(column) || shapes.length < 2) return [];
  const total = shapes.reduce((sum, s) => sum + s.count, 0);
  const dominant = shapes[0]!;
  if (total === 0 || dominant.count / total >= THRESHOLDS.dominantShapeShare) return [];
  const minority = shapes.slice(1);
  const count = total - dominant.count;
  const present = presentCount(column);
  const share = count / total;
  // The profiler's shapes use Unicode classes; DuckDB's RE2 has them too.
  const regex = shapeRegex(dominant.pattern);
  const t = trimmed(column.columnName);
  const offShape = `NOT ${missingSql(column)} AND NOT regexp_full_match(${t}, ${literal(regex)})`;
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.inconsistentValues, share), {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: false,
      }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} is written in ${shapes.length} formats: ${pct(dominant.count / total)} like ${q(dominant.example)} (${dominant.pattern}), ` +
        `${fmtEstimate(count, approximate)} values (${pct(share)}) otherwise: ${minority
          .slice(0, 4)
          .map((s) => `${q(s.example)} (${s.pattern}) ×${fmtEstimate(s.count, approximate)}`)
          .join(', ')}.`,
      recommendation:
        'Normalise every value to one format (for dates, ISO 8601 YYYY-MM-DD); check ambiguous day/month orders by hand before converting.',
      code: {
        pandas: [
          'import pandas as pd',
          `values = ${col(column.columnName)}.astype("string").str.strip()`,
          `off_format = ~${missingPandas(column)} & ~values.str.fullmatch(${pyStr(regex.replaceAll('\\p{Lu}', 'A-Z').replaceAll('[\\p{Ll}\\p{Lt}\\p{Lm}\\p{Lo}]', '[a-z]').replaceAll('\\p{Nd}', '[0-9]'))}).fillna(False).astype(bool)`,
          'print(df[off_format])',
          ...(isTemporal(column) || (formatMatters(column) && !column.distributionData.semantic)
            ? [`df[${pyStr(column.columnName)}] = pd.to_datetime(values, format="mixed", errors="coerce")`]
            : []),
        ].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${offShape}`,
          fix: `SELECT * FROM ${DATASET_TABLE} WHERE NOT (${offShape})`,
        },
      },
      evidence: evidence({
        check: 'mixed_formats',
        count,
        unit: 'values',
        denominator: total,
        denominatorLabel: approximate ? 'sampled non-missing values' : 'non-missing values',
        threshold: { name: 'dominant format share below', value: THRESHOLDS.dominantShapeShare },
        examples: minority.slice(0, 5).map((s) => ({ row: null, value: s.example, count: s.count })),
        approximate,
        impact: { dimension: 'consistency', units: approximate && total > 0 ? Math.round(share * present) : count },
        facts: { formats: shapes.map((s) => ({ pattern: s.pattern, example: s.example, count: s.count })) },
      }),
    },
  ];
}

/** A date column with values written in another date layout: those values are its unparseable ones. */
function mixedDateLayouts(column: ColumnProfile, context: RuleContext): Finding[] {
  const layouts = otherDateLayouts(column);
  if (layouts.length === 0) return [];
  const tc = column.distributionData.typeConsistency;
  const present = presentCount(column);
  const count = tc.invalidCount;
  const share = count / present;
  const others = layouts.map((k) => parseOfCandidate(k)!);
  const label = (p: ParseAs) => p.dateFormat ?? (p.valueType === 'datetime' ? 'ISO datetime' : 'ISO 8601');
  const parsed = parsedSql(column);
  const converted = `coalesce(${[parsed, ...others.map((p) => `CAST(${parsedSql(column, p)} AS ${column.distributionData.valueType === 'datetime' ? 'TIMESTAMP' : 'DATE'})`)].join(', ')})`;
  const pandasConverted = others.reduce((expr, p) => `${expr}.fillna(${parsedPandas(column, p)})`, `(${parsedPandas(column)})`);
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.inconsistentValues, share), {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: false,
      }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} mixes date formats: ${pct(tc.share)} are ${label({ valueType: column.distributionData.valueType, decimalSeparator: null, dateFormat: tc.dateFormat })}, ` +
        `${fmtCount(count)} of ${fmtCount(present)} values (${pct(share)}) are written as ${others.map(label).join(' or ')}: ${exampleList(tc.invalidExamples)}.`,
      recommendation:
        'Convert every value to one format (ISO 8601, YYYY-MM-DD); check that the day/month order of the minority format is what you assume before converting.',
      code: {
        pandas: ['import pandas as pd', `df[${pyStr(column.columnName)}] = ${pandasConverted}`].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE NOT ${missingSql(column)} AND ${parsed} IS NULL`,
          fix: `SELECT * REPLACE (${converted} AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
        },
      },
      evidence: evidence({
        check: 'mixed_formats',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'any value in another date format', value: 0 },
        examples: tc.invalidExamples,
        impact: { dimension: 'consistency', units: count },
        facts: { mainFormat: tc.dateFormat ?? 'ISO 8601', otherFormats: others.map(label) },
      }),
    },
  ];
}

/** Spelling key: case, surrounding whitespace and punctuation ignored ("U.S." ~ "us" ~ " US"). */
const spellingKey = (value: string) =>
  value
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s\p{P}]+/gu, '');

interface VariantGroup {
  canonical: string;
  variants: { value: string; count: number }[];
}

function spellingGroups(column: ColumnProfile): VariantGroup[] {
  const counts = new Map<string, number>();
  for (const group of column.distributionData.caseVariants)
    for (const v of group.variants) counts.set(v.value, Math.max(counts.get(v.value) ?? 0, v.count));
  // Top values are exact for low-cardinality columns; they add punctuation variants to the case groups.
  if (!column.distributionData.topValues.approximate)
    for (const v of column.distributionData.topValues.values) counts.set(v.value, Math.max(counts.get(v.value) ?? 0, v.count));
  const byKey = new Map<string, { value: string; count: number }[]>();
  for (const [value, count] of counts) {
    const key = spellingKey(value);
    if (key === '') continue;
    byKey.set(key, [...(byKey.get(key) ?? []), { value, count }]);
  }
  const groups: VariantGroup[] = [];
  for (const list of byKey.values()) {
    // Values differing only by surrounding whitespace are the whitespace check's business.
    const distinctTrimmed = new Set(list.map((v) => v.value.trim()));
    if (distinctTrimmed.size < 2) continue;
    const sorted = [...list].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    const canonical = sorted[0]!.value.trim();
    groups.push({ canonical, variants: sorted.filter((v) => v.value.trim() !== canonical) });
  }
  return groups.sort((a, b) => (a.canonical < b.canonical ? -1 : 1));
}

/** Code that selects the rows holding these values and replaces each by its correction. */
function replacementCode(column: ColumnProfile, replacements: readonly { value: string; by: string }[]): CodeSuggestion {
  const t = text(column.columnName);
  const cases = replacements.map((r) => `WHEN ${t} = ${literal(r.value)} THEN ${literal(r.by)}`).join(' ');
  const mapping = replacements.map((r) => `${pyStr(r.value)}: ${pyStr(r.by)}`).join(', ');
  return {
    pandas: `df[${pyStr(column.columnName)}] = ${col(column.columnName)}.replace({${mapping}})`,
    sql: {
      affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${t} IN ${listLiteral(replacements.map((r) => r.value))}`,
      fix: `SELECT * REPLACE (CASE ${cases} ELSE ${t} END AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
    },
  };
}

function spellingVariants(column: ColumnProfile, context: RuleContext): Finding[] {
  if (!isText(column)) return [];
  const groups = spellingGroups(column);
  if (groups.length === 0) return [];
  const present = presentCount(column);
  const count = groups.reduce((sum, g) => sum + g.variants.reduce((s, v) => s + v.count, 0), 0);
  const share = count / present;
  const variantValues = groups.flatMap((g) => g.variants.map((v) => v.value));
  const replacements = groups.flatMap((g) => g.variants.map((v) => ({ value: v.value, by: g.canonical })));
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.inconsistentValues, share), {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: context.target?.columnName === column.columnName,
      }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} spells ${groups.length === 1 ? 'one category' : `${groups.length} categories`} several ways: ` +
        groups
          .slice(0, 4)
          .map((g) => `${q(g.canonical)} also as ${g.variants.map((v) => `${q(v.value)} ×${v.count}`).join(', ')}`)
          .join('; ') +
        `. ${fmtCount(count)} of ${fmtCount(present)} values (${pct(share)}) use a minority spelling.`,
      recommendation:
        'Map every variant to one canonical spelling (the most frequent one is proposed); otherwise group-bys and one-hot encodings split one category into several.',
      code: replacementCode(column, replacements),
      evidence: evidence({
        check: 'spelling_variants',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'any second spelling', value: 0 },
        examples: variantValues
          .slice(0, 5)
          .map((value) => ({ row: null, value, count: groups.flatMap((g) => g.variants).find((v) => v.value === value)!.count })),
        impact: { dimension: 'consistency', units: count },
        facts: { groups },
      }),
    },
  ];
}

/** Rare near-misses of frequent values (found by the profiler on exact counts: every count here is exact). */
function likelyTypos(column: ColumnProfile, context: RuleContext): Finding[] {
  const typos = column.distributionData.typos;
  if (!isText(column) || !typos) return [];
  // A difference of case or punctuation alone is a spelling variant, reported as such.
  const suspects = typos.values.filter((s) => spellingKey(s.value) !== spellingKey(s.likely));
  if (suspects.length === 0) return [];
  const present = presentCount(column);
  // typos.count covers every suspect the profiler found, also those beyond the 500 it lists.
  const count = typos.count - typos.values.filter((s) => !suspects.includes(s)).reduce((sum, s) => sum + s.count, 0);
  const share = count / present;
  const more = typos.distinct - typos.values.length;
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.inconsistentValues, share), {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: context.target?.columnName === column.columnName,
      }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} has ${suspects.length + more === 1 ? 'a value that looks like a typo' : `${fmtCount(suspects.length + more)} values that look like typos`}: ` +
        suspects
          .slice(0, 4)
          .map((s) => `${q(s.value)} ×${s.count} (likely ${q(s.likely)}, ×${s.likelyCount})`)
          .join(', ') +
        `${suspects.length + more > 4 ? ', …' : ''}. ${fmtCount(count)} of ${fmtCount(present)} values (${pct(share)}).`,
      recommendation:
        'Check the values against their likely corrections and replace the misspellings (the proposed mapping is in the code); a misspelled category becomes a category of its own in every group-by and encoding.',
      code: replacementCode(
        column,
        suspects.map((s) => ({ value: s.value, by: s.likely })),
      ),
      evidence: evidence({
        check: 'likely_typos',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'edits to a value at least 10× as frequent', value: 2 },
        examples: suspects.slice(0, 5).map((s) => ({ row: null, value: s.value, count: s.count })),
        impact: { dimension: 'consistency', units: count },
        facts: {
          corrections: suspects.map((s) => ({
            value: s.value,
            count: s.count,
            likely: s.likely,
            likelyCount: s.likelyCount,
            distance: s.distance,
          })),
          ...(more > 0 ? { unlistedSuspects: more } : {}),
        },
      }),
    },
  ];
}

function surroundingWhitespace(column: ColumnProfile, context: RuleContext): Finding[] {
  const ws = column.distributionData.whitespace;
  if (!ws || ws.leadingOrTrailingCount === 0) return [];
  const present = presentCount(column);
  const count = ws.leadingOrTrailingCount;
  const share = count / present;
  const padded = `${text(column.columnName)} <> ${trimmed(column.columnName)}`;
  return [
    {
      type: 'PATTERN_VIOLATION',
      severity: adjustForGoal(fromLadder(LADDERS.inconsistentValues, share), {
        goal: context.goal,
        dimension: 'consistency',
        onTarget: false,
      }),
      columnName: column.columnName,
      description: `${name(column.columnName)} has ${fmtCount(count)} of ${fmtCount(present)} values (${pct(share)}) with leading or trailing whitespace: ${exampleList(ws.examples)}.`,
      recommendation: 'Strip surrounding whitespace; padded copies of a value compare unequal in joins, filters and group-bys.',
      code: {
        pandas: `df[${pyStr(column.columnName)}] = ${col(column.columnName)}.str.strip()`,
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${padded}`,
          fix: `SELECT * REPLACE (${trimmed(column.columnName)} AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
        },
      },
      evidence: evidence({
        check: 'surrounding_whitespace',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'any padded value', value: 0 },
        examples: ws.examples,
        impact: { dimension: 'consistency', units: count },
        facts: {},
      }),
    },
  ];
}
