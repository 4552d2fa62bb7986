// The seed's enums as GraphQL enums, with the same values Prisma uses, each
// value described and listed in its natural order (severity from CRITICAL down,
// statuses in lifecycle order).
import type {
  AnalysisGoalType,
  AnalysisStatus,
  DatasetFormat,
  DatasetStatus,
  InsightSeverity,
  InsightType,
  WorkspaceRole,
} from '../../generated/prisma/enums.js';
import { builder } from '../builder.js';
import { shareEnum } from '../zod-object-types.js';

/** An enum whose values are their own names, each described, in the order given. */
export function describedEnum<V extends string>(name: string, description: string, values: Record<V, string>) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(Object.entries(values).map(([value, text]) => [value, { value, description: text as string }])) as {
      [K in V]: { value: K; description: string };
    },
  });
}

export const DatasetStatusEnum = describedEnum<DatasetStatus>(
  'DatasetStatus',
  'Where a dataset is, as its analyses move it (cancelled analyses do not count).',
  {
    PENDING: 'No analysis of it is running and none has finished.',
    PROCESSING: 'An analysis of it is running.',
    COMPLETED: 'Its latest finished analysis completed.',
    FAILED: 'Its latest finished analysis failed.',
  },
);
export const DatasetFormatEnum = describedEnum<DatasetFormat>('DatasetFormat', 'The format found in the file content (not its name).', {
  CSV: 'Delimited text: commas, semicolons, tabs, pipes.',
  JSON: 'A JSON array of objects, or JSON lines (one object per line).',
  PARQUET: 'Apache Parquet.',
});
export const AnalysisGoalTypeEnum = describedEnum<AnalysisGoalType>(
  'AnalysisGoalType',
  'What an analysis is for; it changes what is checked, how severe a finding is and how the score is weighted.',
  {
    ML_PREPARATION:
      'Preparing data for a model: gaps and wrong or extreme values weigh most; with a targetColumn, class imbalance and leakage are checked.',
    GENERAL_AUDIT: 'A balanced review: every quality dimension weighs about the same.',
    DATA_QUALITY: 'Graded on validity, completeness and uniqueness; no target checks.',
    EXPLORATORY: 'A first look: tolerates gaps, weighs wrong values and inconsistent categories.',
  },
);
export const AnalysisStatusEnum = describedEnum<AnalysisStatus>('AnalysisStatus', 'Where an analysis is in its lifecycle.', {
  PENDING: 'Queued, waiting for a worker (also while waiting to be retried).',
  RUNNING: 'A worker is profiling the dataset (see progress).',
  COMPLETED: 'Done: profiles, insights and score are in.',
  FAILED: 'Stopped without results: see errorMessage (and cancelledAt when it was cancelled).',
});
export const InsightSeverityEnum = describedEnum<InsightSeverity>('InsightSeverity', 'How much an insight matters, most severe first.', {
  CRITICAL: 'The data cannot be used as it is for the goal.',
  HIGH: 'Likely to distort results; fix before use.',
  MEDIUM: 'Worth fixing.',
  LOW: 'Minor.',
  INFO: 'Worth knowing; nothing is wrong.',
});
export const InsightTypeEnum = describedEnum<InsightType>('InsightType', 'The kind of problem an insight reports.', {
  MISSING_DATA: 'Values or rows with nothing in them.',
  OUTLIERS: 'Values far from the rest, negative quantities, dates in the future.',
  DUPLICATES: 'Repeated rows or repeated key values.',
  DATA_TYPE_MISMATCH: "Values that are not of the column's type.",
  PATTERN_VIOLATION: 'Values off the shape or meaning of the rest (formats, spellings, whitespace).',
  QUALITY_ISSUE: 'Columns that hurt an analysis or a model: constant, identifier-like, skewed, correlated, leaking the target.',
});
export const WorkspaceRoleEnum = describedEnum<WorkspaceRole>('WorkspaceRole', "A member's rights in a workspace.", {
  OWNER: 'Everything: rename or delete the workspace, invite, change roles and remove members.',
  EDITOR: 'Upload, rename and delete datasets; start, cancel and delete analyses.',
  VIEWER: 'Read only.',
});

// The score breakdown's goal and insight types are these enums, not copies.
shareEnum('AnalysisGoalType', AnalysisGoalTypeEnum);
shareEnum('InsightType', InsightTypeEnum);
shareEnum('InsightSeverity', InsightSeverityEnum);
