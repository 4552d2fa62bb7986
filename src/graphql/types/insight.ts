import { evidenceSchema } from '../../insights/index.js';
import { builder } from '../builder.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { zodObjectType } from '../zod-object-types.js';
import { AnalysisRef, InsightRef } from './refs.js';
import { InsightSeverityEnum, InsightTypeEnum } from './enums.js';

builder.node(InsightRef, {
  id: { resolve: (insight) => insight.id },
  loadMany: loadVisibleNodes('Insight'),
  fields: (t) => ({
    analysis: t.field({ type: AnalysisRef, resolve: (insight, _args, ctx) => loadRelated(ctx, 'Analysis', insight.analysisId) }),
    severity: t.expose('severity', { type: InsightSeverityEnum }),
    type: t.expose('type', { type: InsightTypeEnum }),
    description: t.exposeString('description'),
    recommendation: t.exposeString('recommendation'),
    codeSuggestion: t.exposeString('codeSuggestion', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    columnName: t.exposeString('columnName', { nullable: true, description: 'The column it is about; null for the whole dataset.' }),
    cost: t.exposeFloat('cost', { nullable: true, description: 'Quality-score points this insight cost.' }),
    evidence: t.field({
      type: InsightEvidence,
      nullable: true,
      description: 'The numbers behind it: count, share, threshold, examples with row numbers.',
      resolve: (insight) => {
        const parsed = evidenceSchema.safeParse(insight.evidence);
        return parsed.success ? parsed.data : null;
      },
    }),
  }),
});

const InsightEvidence = zodObjectType('InsightEvidence', evidenceSchema);
