import { distributionDataSchema, logicalTypeSchema } from '../../profiling/distribution-schema.js';
import { builder } from '../builder.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { parsedOrNull, zodEnumType, zodObjectType } from '../zod-object-types.js';
import { AnalysisRef, ColumnProfileRef } from './refs.js';

const ColumnDistribution = zodObjectType('ColumnDistribution', distributionDataSchema);
const LogicalType = zodEnumType(logicalTypeSchema);

builder.node(ColumnProfileRef, {
  description: 'What an analysis found in one column: its type, missing and distinct values, range and distribution.',
  id: { resolve: (profile) => profile.id },
  loadMany: loadVisibleNodes('ColumnProfile'),
  fields: (t) => ({
    analysis: t.field({
      type: AnalysisRef,
      description: 'The analysis that profiled the column.',
      resolve: (profile, _args, ctx) => loadRelated(ctx, 'Analysis', profile.analysisId),
    }),
    columnName: t.exposeString('columnName', { description: 'The column, by the name analyses use (see Dataset.columns).' }),
    dataType: t.expose('dataType', { type: LogicalType, description: 'The inferred logical type.' }),
    nullCount: t.exposeInt('nullCount', { description: 'Rows with no value (empty or a null token such as NA).' }),
    uniqueCount: t.exposeInt('uniqueCount', {
      description: 'Distinct non-missing values (an estimate on large files: see distribution.uniqueness).',
    }),
    minValue: t.exposeString('minValue', {
      nullable: true,
      description:
        'The smallest value, as text (numbers, dates and times in their own order; text alphabetically); null when every value is missing.',
    }),
    maxValue: t.exposeString('maxValue', { nullable: true, description: 'The largest value, as text; null when every value is missing.' }),
    mean: t.exposeFloat('mean', { nullable: true, description: 'The mean of a numeric column; null for other columns.' }),
    median: t.exposeFloat('median', { nullable: true, description: 'The median of a numeric column; null for other columns.' }),
    distributionData: t.expose('distributionData', {
      type: 'JSON',
      nullable: true,
      description: 'The profile details as stored, versioned JSON (see `distribution` for typed fields).',
    }),
    distribution: t.field({
      type: ColumnDistribution,
      nullable: true,
      description: 'The profile details as typed fields; null when the stored data is of another version.',
      resolve: (profile) => parsedOrNull(distributionDataSchema, profile.distributionData),
    }),
  }),
});
