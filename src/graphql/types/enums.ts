// The seed's enums as GraphQL enums, with the same values Prisma uses.
import { AnalysisGoalType, AnalysisStatus, DatasetFormat, DatasetStatus, InsightSeverity, InsightType, WorkspaceRole } from '../../generated/prisma/enums.js';
import { builder } from '../builder.js';

export const DatasetStatusEnum = builder.enumType(DatasetStatus, { name: 'DatasetStatus' });
export const DatasetFormatEnum = builder.enumType(DatasetFormat, {
  name: 'DatasetFormat',
  description: 'The format found in the file content (CSV covers every delimiter; JSON covers arrays of objects and JSON lines).',
});
export const AnalysisGoalTypeEnum = builder.enumType(AnalysisGoalType, {
  name: 'AnalysisGoalType',
  description: 'What an analysis is for; it changes what is checked and how it is graded.',
});
export const AnalysisStatusEnum = builder.enumType(AnalysisStatus, { name: 'AnalysisStatus' });
export const InsightSeverityEnum = builder.enumType(InsightSeverity, {
  name: 'InsightSeverity',
  description: 'From CRITICAL (the data cannot be used as is) to INFO (worth knowing).',
});
export const InsightTypeEnum = builder.enumType(InsightType, { name: 'InsightType' });
export const WorkspaceRoleEnum = builder.enumType(WorkspaceRole, {
  name: 'WorkspaceRole',
  description: 'OWNER: everything, members and deletion included. EDITOR: datasets and analyses. VIEWER: read only.',
});
