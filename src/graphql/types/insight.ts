import { requireViewer, visibleTo } from '../../auth/access.js';
import { builder } from '../builder.js';
import { InsightSeverityEnum, InsightTypeEnum } from './enums.js';

builder.prismaNode('Insight', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.insight(requireViewer(ctx))] }),
  fields: (t) => ({
    analysis: t.relation('analysis'),
    severity: t.expose('severity', { type: InsightSeverityEnum }),
    type: t.expose('type', { type: InsightTypeEnum }),
    description: t.exposeString('description'),
    recommendation: t.exposeString('recommendation'),
    codeSuggestion: t.exposeString('codeSuggestion', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
