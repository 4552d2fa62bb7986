/** What every rule gets, what it returns, and the small column facts several rules share. */
import type { ColumnProfile, DatasetProfile } from '../../profiling/index.js';
import { candidateShares } from '../../profiling/inference/value-parsers.js';
import { THRESHOLDS } from '../severity.js';
import {
  EVIDENCE_VERSION,
  type AnalysisGoal,
  type CodeSuggestion,
  type Dimension,
  type Evidence,
  type EvidenceExample,
  type InsightCheck,
  type InsightSeverity,
  type InsightType,
} from '../types.js';

export interface RuleContext {
  profile: DatasetProfile;
  goal: AnalysisGoal;
  target: ColumnProfile | null;
}

/** An insight before ordering and scoring. */
export interface Finding {
  type: InsightType;
  severity: InsightSeverity;
  columnName: string | null;
  description: string;
  recommendation: string;
  code: CodeSuggestion;
  evidence: Evidence;
}

export type Rule = (context: RuleContext) => Finding[];

export interface EvidenceInput {
  check: InsightCheck;
  count: number;
  unit: Evidence['unit'];
  denominator?: number | null;
  denominatorLabel?: string | null;
  threshold?: { name: string; value: number } | null;
  examples?: EvidenceExample[];
  approximate?: boolean;
  impact?: { dimension: Dimension; units: number } | null;
  facts?: Record<string, unknown>;
}

export function evidence(input: EvidenceInput): Evidence {
  const denominator = input.denominator ?? null;
  return {
    version: EVIDENCE_VERSION,
    check: input.check,
    count: input.count,
    unit: input.unit,
    share: denominator ? Math.min(1, input.count / denominator) : null,
    denominator,
    denominatorLabel: input.denominatorLabel ?? null,
    threshold: input.threshold ?? null,
    examples: (input.examples ?? []).slice(0, 5),
    approximate: input.approximate ?? false,
    impact: input.impact ?? null,
    facts: (input.facts ?? {}) as Evidence['facts'],
  };
}

export const valueTypeOf = (c: ColumnProfile) => c.distributionData.valueType;
export const isNumeric = (c: ColumnProfile) => valueTypeOf(c) === 'integer' || valueTypeOf(c) === 'decimal';
export const isTemporal = (c: ColumnProfile) => ['date', 'datetime', 'time'].includes(valueTypeOf(c));
export const isText = (c: ColumnProfile) => valueTypeOf(c) === 'string';
/** Non-missing values (parsing or not). */
export const presentCount = (c: ColumnProfile) =>
  c.distributionData.typeConsistency.validCount + c.distributionData.typeConsistency.invalidCount;
export const distinctShare = (c: ColumnProfile) => {
  const present = presentCount(c);
  return present === 0 ? 0 : Math.min(1, c.uniqueCount / present);
};

/** Identifiers by name: id, key, uuid, guid, code, number/no at a word boundary (user_id, OrderID, sku_code). */
const KEY_NAME = /(^|[^a-z])(id|key|uuid|guid|code|no|number|num)$|[a-z](Id|ID|Key|Code|No)$|^(id|key|uuid|guid)[^a-z]/;
export const keyLikeName = (name: string) => KEY_NAME.test(name) || KEY_NAME.test(name.toLowerCase());

/**
 * A column that looks like a key: every value should be distinct. Integer or text (never measurements like
 * decimals or dates), and either named like an identifier or (almost) all distinct.
 */
export function looksLikeKey(c: ColumnProfile, profile: DatasetProfile): boolean {
  if (!(valueTypeOf(c) === 'integer' || valueTypeOf(c) === 'string')) return false;
  if (c.distributionData.semantic?.type === 'free_text') return false;
  if (profile.candidateKeys.includes(c.columnName) || c.dataType === 'identifier') return true;
  const share = distinctShare(c);
  // A name alone is not enough for a low-cardinality column (e.g. "country_code" with 20 values).
  return share >= THRESHOLDS.keyDistinctShare || (keyLikeName(c.columnName) && share >= 0.5);
}

/** Identifier-like: useless as a feature and a privacy question (names, ticket numbers, ids). */
export function looksLikeIdentifier(c: ColumnProfile, profile: DatasetProfile): boolean {
  if (c.dataType === 'identifier' || c.distributionData.semantic?.type === 'uuid') return true;
  // Numbers with a unit are measurements, however many distinct values they have.
  if (c.distributionData.semantic?.type === 'free_text' || c.distributionData.numberUnit) return false;
  const present = presentCount(c);
  if (present < 10) return false;
  if (isText(c) && c.dataType !== 'categorical') return distinctShare(c) >= THRESHOLDS.identifierDistinctShare;
  if (valueTypeOf(c) === 'integer') return keyLikeName(c.columnName) && looksLikeKey(c, profile);
  return false;
}

/**
 * For a date/time column whose unparseable values are all dates in other layouts ("03/15/2020" among ISO
 * dates): the candidate keys of those layouts. Empty when any bad value is not a date at all.
 */
export function otherDateLayouts(c: ColumnProfile): string[] {
  const tc = c.distributionData.typeConsistency;
  if (!isTemporal(c) || tc.invalidCount === 0 || tc.invalidExamples.length === 0) return [];
  const layouts = new Set<string>();
  for (const example of tc.invalidExamples) {
    const shares = candidateShares([example.value.trim()]);
    const layout = Object.keys(shares).find((k) => (k.startsWith('date(') || k === 'datetime') && shares[k]! > 0);
    if (!layout) return [];
    layouts.add(layout);
  }
  return [...layouts].sort();
}

export const pct = (share: number): string => {
  const p = share * 100;
  if (p === 0 || p >= 10) return `${p.toFixed(p === 100 || p === 0 ? 0 : 1)}%`;
  return p < 0.1 ? `${p.toPrecision(1)}%` : `${p.toFixed(1)}%`;
};

export const fmtCount = (n: number) => n.toLocaleString('en-US');
/** A count for prose: marked ≈ when it is an estimate, so no estimate is ever stated as a count. */
export const fmtEstimate = (n: number, approximate: boolean) => (approximate ? `≈${fmtCount(n)}` : fmtCount(n));

/** A value quoted for prose (JSON quoting shows spaces and control characters). */
export const q = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

export function exampleList(examples: readonly EvidenceExample[]): string {
  return examples.map((e) => (e.row === null ? q(e.value) : `${q(e.value)} (row ${e.row})`)).join(', ');
}

export const rowList = (rows: readonly number[]) => rows.join(', ');

/** A fmt-agnostic name for prose: the column in backticks. */
export const name = (column: string) => `\`${column}\``;
