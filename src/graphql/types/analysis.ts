import type { InsightSeverity, InsightType, Prisma } from '../../generated/prisma/client.js';
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { countsBy, totalCountOptions } from '../total-count.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, InsightSeverityEnum, InsightTypeEnum } from './enums.js';

export const Analysis = builder.prismaNode('Analysis', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.analysis(requireViewer(ctx))] }),
  fields: (t) => ({
    dataset: t.relation('dataset'),
    goalType: t.expose('goalType', { type: AnalysisGoalTypeEnum }),
    status: t.expose('status', { type: AnalysisStatusEnum }),
    qualityScore: t.exposeFloat('qualityScore', { nullable: true, description: '0–100; set when the analysis completes.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: 'Why the analysis failed, when it did.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    columnProfiles: t.relatedConnection(
      'columnProfiles',
      {
        description: "One profile per column, in the file's column order.",
        cursor: 'id',
        validate: pageArgs,
        query: () => ({ orderBy: { id: 'asc' } }),
      },
      totalCountOptions(
        'Analysis.columnProfiles',
        async (ctx, ids) =>
          countsBy(
            'analysisId',
            await ctx.prisma.columnProfile.groupBy({ by: ['analysisId'], where: { analysisId: { in: [...ids] } }, _count: { _all: true } }),
          ),
      ),
    ),
    insights: t.relatedConnection(
      'insights',
      {
        description: 'Insights, most severe first.',
        cursor: 'id',
        validate: pageArgs,
        args: { filter: t.arg({ type: InsightFilter, required: false }) },
        // PostgreSQL orders an enum by declaration: CRITICAL first.
        query: ({ filter }) => ({ where: insightWhere(filter), orderBy: [{ severity: 'asc' }, { id: 'asc' }] }),
      },
      totalCountOptions(
        'Analysis.insights',
        async (ctx, ids, args: { filter?: InsightFilterShape | null }) =>
          countsBy(
            'analysisId',
            await ctx.prisma.insight.groupBy({
              by: ['analysisId'],
              where: { analysisId: { in: [...ids] }, AND: [insightWhere(args.filter)] },
              _count: { _all: true },
            }),
          ),
        (args) => args.filter,
      ),
    ),
  }),
});

type InsightFilterShape = { severity?: InsightSeverity[] | null; type?: InsightType[] | null };

const insightWhere = (filter: InsightFilterShape | null | undefined): Prisma.InsightWhereInput => ({
  severity: filter?.severity?.length ? { in: filter.severity } : undefined,
  type: filter?.type?.length ? { in: filter.type } : undefined,
});

const InsightFilter = builder.inputType('InsightFilter', {
  fields: (t) => ({
    severity: t.field({ type: [InsightSeverityEnum], required: false, description: 'Any of these severities.' }),
    type: t.field({ type: [InsightTypeEnum], required: false, description: 'Any of these types.' }),
  }),
});

builder.mutationField('deleteAnalysis', (t) =>
  t.globalID({
    description: 'Deletes the analysis with its column profiles and insights; returns its ID.',
    args: { id: t.arg.globalID({ for: Analysis }) },
    resolve: async (_root, { id }, ctx) => {
      await authorize(ctx, 'editData', 'Analysis', locate.analysis(Number(id.id)));
      await ctx.prisma.analysis.delete({ where: { id: Number(id.id) } });
      return { type: id.typename, id: id.id };
    },
  }),
);
