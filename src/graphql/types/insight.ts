import { codeSuggestionSchema, evidenceSchema } from '../../insights/index.js';
import { builder } from '../builder.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { parsedOrNull, zodObjectType } from '../zod-object-types.js';
import { AnalysisRef, InsightRef } from './refs.js';
import { InsightSeverityEnum, InsightTypeEnum } from './enums.js';

const InsightEvidence = zodObjectType('InsightEvidence', evidenceSchema);
const InsightCode = zodObjectType('InsightCode', codeSuggestionSchema);

builder.node(InsightRef, {
  description:
    'Something wrong with the data (or worth knowing about it), found by an analysis: what, where, how bad, what to do, and code that does it.',
  id: { resolve: (insight) => insight.id },
  loadMany: loadVisibleNodes('Insight'),
  fields: (t) => ({
    analysis: t.field({
      type: AnalysisRef,
      description: 'The analysis that found it.',
      resolve: (insight, _args, ctx) => loadRelated(ctx, 'Analysis', insight.analysisId),
    }),
    severity: t.expose('severity', { type: InsightSeverityEnum, description: 'How much it matters for the analysis goal.' }),
    type: t.expose('type', { type: InsightTypeEnum, description: 'What kind of problem it is.' }),
    description: t.exposeString('description', { description: 'What was found, with the numbers, in one or two sentences.' }),
    recommendation: t.exposeString('recommendation', { description: 'What to do about it.' }),
    codeSuggestion: t.exposeString('codeSuggestion', {
      nullable: true,
      description:
        'The code of `code` as one text: a pandas section, then an SQL section, each under a comment header. Null only for insights without code.',
    }),
    code: t.field({
      type: InsightCode,
      nullable: true,
      description:
        'Code that finds and fixes it, pandas and SQL apart; null for insights stored before code was kept (see codeSuggestion).',
      resolve: (insight) => parsedOrNull(codeSuggestionSchema, insight.code),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the analysis stored it.' }),
    columnName: t.exposeString('columnName', { nullable: true, description: 'The column it is about; null for the whole dataset.' }),
    cost: t.exposeFloat('cost', {
      nullable: true,
      description:
        'Quality-score points (0–100 scale) this insight cost; the costs of an analysis add up to 100 − qualityScore. Null for insights stored before costs were kept.',
    }),
    evidence: t.field({
      type: InsightEvidence,
      nullable: true,
      description: 'The numbers behind it: count, share, threshold, examples with row numbers. Null when stored in an older shape.',
      resolve: (insight) => parsedOrNull(evidenceSchema, insight.evidence),
    }),
  }),
});
