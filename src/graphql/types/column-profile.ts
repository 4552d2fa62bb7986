import { distributionDataSchema } from '../../profiling/distribution-schema.js';
import { builder } from '../builder.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { zodObjectType } from '../zod-object-types.js';
import { AnalysisRef, ColumnProfileRef } from './refs.js';

const ColumnDistribution = zodObjectType('ColumnDistribution', distributionDataSchema);

builder.node(ColumnProfileRef, {
  id: { resolve: (profile) => profile.id },
  loadMany: loadVisibleNodes('ColumnProfile'),
  fields: (t) => ({
    analysis: t.field({ type: AnalysisRef, resolve: (profile, _args, ctx) => loadRelated(ctx, 'Analysis', profile.analysisId) }),
    columnName: t.exposeString('columnName'),
    dataType: t.exposeString('dataType', { description: 'The inferred logical type.' }),
    nullCount: t.exposeInt('nullCount'),
    uniqueCount: t.exposeInt('uniqueCount'),
    minValue: t.exposeString('minValue', { nullable: true }),
    maxValue: t.exposeString('maxValue', { nullable: true }),
    mean: t.exposeFloat('mean', { nullable: true }),
    median: t.exposeFloat('median', { nullable: true }),
    distributionData: t.expose('distributionData', {
      type: 'JSON',
      nullable: true,
      description: 'The profile details as stored, versioned JSON (see `distribution` for typed fields).',
    }),
    distribution: t.field({
      type: ColumnDistribution,
      nullable: true,
      description: 'The profile details as typed fields; null when the stored data is of another version.',
      resolve: (profile) => {
        const parsed = distributionDataSchema.safeParse(profile.distributionData);
        return parsed.success ? parsed.data : null;
      },
    }),
  }),
});
