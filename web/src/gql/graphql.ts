/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** What an analysis is for; it changes what is checked, how severe a finding is and how the score is weighted. */
export type AnalysisGoalType =
  /** Graded on validity, completeness and uniqueness; no target checks. */
  | 'DATA_QUALITY'
  /** A first look: tolerates gaps, weighs wrong values and inconsistent categories. */
  | 'EXPLORATORY'
  /** A balanced review: every quality dimension weighs about the same. */
  | 'GENERAL_AUDIT'
  /** Preparing data for a model: gaps and wrong or extreme values weigh most; with a targetColumn, class imbalance and leakage are checked. */
  | 'ML_PREPARATION';

/** Where an analysis is, in the order a run goes through them; the last four are ends and pauses. */
export type AnalysisPhase =
  /** FAILED by cancelAnalysis. */
  | 'CANCELLED'
  /** Checks across columns: duplicate rows, candidate keys, correlations. */
  | 'DATASET'
  /** Histograms, top values, value shapes and outliers. percent: share of the rows scanned. */
  | 'DISTRIBUTIONS'
  /** COMPLETED. percent: 100. */
  | 'DONE'
  /** FAILED: see errorMessage. */
  | 'FAILED'
  /** Reading every row into a typed table. percent: share of the file read. */
  | 'LOADING'
  /** Waiting for a worker. percent: null. */
  | 'QUEUED'
  /** PENDING again because its worker stopped responding; another worker takes it. */
  | 'REQUEUED'
  /** Writing the column profiles, insights and score. percent: 0. */
  | 'SAVING'
  /** Reading the file's head to find its format and column types. */
  | 'SNIFFING'
  /** A worker took it and is starting the profiler. percent: 0. */
  | 'STARTING'
  /** Counting missing, distinct and invalid values and summarising each column. percent: share of the rows scanned. */
  | 'STATISTICS'
  /** PENDING again after a transient failure; it runs again shortly (errorMessage says why). */
  | 'WAITING_TO_RETRY';

/** Where an analysis is in its lifecycle. */
export type AnalysisStatus =
  /** Done: profiles, insights and score are in. */
  | 'COMPLETED'
  /** Stopped without results: see errorMessage (and cancelledAt when it was cancelled). */
  | 'FAILED'
  /** Queued, waiting for a worker (also while waiting to be retried). */
  | 'PENDING'
  /** A worker is profiling the dataset (see progress). */
  | 'RUNNING';

/** A new workspace. */
export type CreateWorkspaceInput = {
  /** Its name (1–255 characters). */
  name: string;
};

/** The format found in the file content (not its name). */
export type DatasetFormat =
  /** Delimited text: commas, semicolons, tabs, pipes. */
  | 'CSV'
  /** A JSON array of objects, or JSON lines (one object per line). */
  | 'JSON'
  /** Apache Parquet. */
  | 'PARQUET';

/** Where a dataset is, as its analyses move it (cancelled analyses do not count). */
export type DatasetStatus =
  /** Its latest finished analysis completed. */
  | 'COMPLETED'
  /** Its latest finished analysis failed. */
  | 'FAILED'
  /** No analysis of it is running and none has finished. */
  | 'PENDING'
  /** An analysis of it is running. */
  | 'PROCESSING';

/** What a drift statistic was computed from. */
export type DriftMethod =
  /** The two files, read again with DuckDB: exact. */
  | 'FILES'
  /** The stored profiles: histograms, quantiles and top values (an estimate when a column's values are binned). */
  | 'PROFILES';

/** Which statistic a drift test computes. */
export type DriftTestKind =
  /** Pearson χ² of the 2 × k table of category counts (top values plus "other"). */
  | 'CHI_SQUARED'
  /** Relative change of the number of distinct values. */
  | 'DISTINCT_COUNT'
  /** Jensen–Shannon distance (base 2, 0–1) between the two category distributions. */
  | 'JENSEN_SHANNON'
  /** Two-sample Kolmogorov–Smirnov distance: the largest gap between the two CDFs (numbers, dates). */
  | 'KOLMOGOROV_SMIRNOV'
  /** Absolute change of the share of missing values (0–1). */
  | 'MISSING_SHARE'
  /** Population stability index over bins of the base's values (numbers, dates). */
  | 'PSI';

/** What a drift test (or a column, by its worst test) concluded. */
export type DriftVerdict =
  /** At or above the threshold: the distribution changed. */
  | 'DRIFTED'
  /** A moderate shift (PSI between its moderate and drift thresholds). */
  | 'MODERATE'
  /** Below the threshold: no meaningful change. */
  | 'STABLE';

/** What count counts. */
export type EvidenceUnit =
  /** Classes of a target column. */
  | 'CLASSES'
  /** Columns. */
  | 'COLUMNS'
  /** Pairs of columns. */
  | 'PAIRS'
  /** Data rows. */
  | 'ROWS'
  /** Cells of the column. */
  | 'VALUES';

/** What the bin bounds measure. */
export type HistogramKind =
  /** The column's own numbers. */
  | 'NUMERIC'
  /** Seconds since the Unix epoch (dates, datetimes) or since midnight (times); labels show them as dates or times. */
  | 'TEMPORAL';

/** Which check of the insight type found it. */
export type InsightCheck =
  /** A target column dominated by one class. */
  | 'CLASS_IMBALANCE'
  /** A column with a single value. */
  | 'CONSTANT_COLUMN'
  /** Repeated values in a column that looks like a key. */
  | 'DUPLICATE_KEY_VALUES'
  /** Rows identical to an earlier row. */
  | 'DUPLICATE_ROWS'
  /** Dates after the day of the analysis. */
  | 'FUTURE_DATES'
  /** A text column with very many distinct values. */
  | 'HIGH_CARDINALITY'
  /** A column of row identifiers, useless as a feature. */
  | 'IDENTIFIER_LIKE'
  /** Values beyond 1.5 × IQR from the quartiles. */
  | 'IQR_OUTLIERS'
  /** Rare values a keystroke or two from a value the column repeats many times: probably misspellings of it. */
  | 'LIKELY_TYPOS'
  /** Rows with several cells out of place (a bad value, a value of another column, a rare empty cell): fields shifted or swapped. */
  | 'MISALIGNED_ROWS'
  /** A column with missing values. */
  | 'MISSING_VALUES'
  /** One kind of value written in several formats (dates, phone numbers, case). */
  | 'MIXED_FORMATS'
  /** A column whose values parse as different types. */
  | 'MIXED_TYPES'
  /** A column missing in most rows. */
  | 'MOSTLY_EMPTY_COLUMN'
  /** Rows missing most of their values. */
  | 'MOSTLY_MISSING_ROWS'
  /** Features that move together (ML preparation). */
  | 'MULTICOLLINEARITY'
  /** A column where nearly every row has the same value. */
  | 'NEAR_CONSTANT_COLUMN'
  /** Negative values in a column that should not have them (quantities, prices, ages). */
  | 'NEGATIVE_VALUES'
  /** A few numbers in a column of labels: values of another column, swapped or shifted. */
  | 'NUMBERS_AMONG_LABELS'
  /** Numbers written with a unit or symbol (12 oz, $1,200), which makes the column text. */
  | 'NUMBERS_WITH_UNITS'
  /** Values with a robust z-score beyond the threshold (used when the IQR is 0). */
  | 'ROBUST_Z_OUTLIERS'
  /** Values not matching the meaning of the rest (an address among emails). */
  | 'SEMANTIC_MISMATCH'
  /** A strongly skewed numeric column. */
  | 'SKEWED_DISTRIBUTION'
  /** One value spelled several ways (case, whitespace, punctuation). */
  | 'SPELLING_VARIANTS'
  /** Two columns that move together. */
  | 'STRONG_CORRELATION'
  /** Values padded with spaces. */
  | 'SURROUNDING_WHITESPACE'
  /** A feature that gives the target away. */
  | 'TARGET_LEAKAGE'
  /** Values that do not parse as the column's type. */
  | 'UNPARSEABLE_VALUES'
  /** Rare values of a column that are frequent values of another: swapped or shifted fields. */
  | 'VALUES_OF_ANOTHER_COLUMN'
  /** Zeros in a measurement that cannot be zero (a length, weight, size or price), when they are rare. */
  | 'ZERO_MEASUREMENTS';

/** Narrows Analysis.insights; an empty or missing list does not filter. */
export type InsightFilter = {
  /** Any of these severities. */
  severity?: Array<InsightSeverity> | null | undefined;
  /** Any of these types. */
  type?: Array<InsightType> | null | undefined;
};

/** How much an insight matters, most severe first. */
export type InsightSeverity =
  /** The data cannot be used as it is for the goal. */
  | 'CRITICAL'
  /** Likely to distort results; fix before use. */
  | 'HIGH'
  /** Worth knowing; nothing is wrong. */
  | 'INFO'
  /** Minor. */
  | 'LOW'
  /** Worth fixing. */
  | 'MEDIUM';

/** The kind of problem an insight reports. */
export type InsightType =
  /** Values that are not of the column's type. */
  | 'DATA_TYPE_MISMATCH'
  /** Repeated rows or repeated key values. */
  | 'DUPLICATES'
  /** Values or rows with nothing in them. */
  | 'MISSING_DATA'
  /** Values far from the rest, negative quantities, dates in the future. */
  | 'OUTLIERS'
  /** Values off the shape or meaning of the rest (formats, spellings, whitespace). */
  | 'PATTERN_VIOLATION'
  /** Columns that hurt an analysis or a model: constant, identifier-like, skewed, correlated, leaking the target. */
  | 'QUALITY_ISSUE';

/** Whom to invite to which workspace, with which role. */
export type InviteWorkspaceMemberInput = {
  /** Whom to invite; they need not have signed up yet. */
  email: string;
  /** The role they get on accepting. */
  role: WorkspaceRole;
  /** The workspace (the viewer must own it). */
  workspaceId: string | number;
};

/** The credentials of an account. */
export type LogInInput = {
  /** The address signed up with (any case). */
  email: string;
  /** The account’s password. */
  password: string;
};

/** What a column holds: how its values parse, refined into categorical and identifier text. */
export type LogicalType =
  /** true/false, yes/no, 1/0 and the like. */
  | 'BOOLEAN'
  /** Text with few distinct values, repeated across rows (a label, a category). */
  | 'CATEGORICAL'
  /** Calendar dates (ISO 8601 or the format in typeConsistency.dateFormat). */
  | 'DATE'
  /** Dates with a time of day. */
  | 'DATETIME'
  /** Numbers with a fraction (either decimal separator; see typeConsistency.decimalSeparator). */
  | 'DECIMAL'
  /** Text or numbers that name each row (nearly every value distinct), such as IDs and codes. */
  | 'IDENTIFIER'
  /** Whole numbers. */
  | 'INTEGER'
  /** Text that parses as none of the other types. */
  | 'STRING'
  /** Times of day without a date. */
  | 'TIME';

/** One of the five dimensions the quality score is made of. */
export type QualityDimension =
  /** Numbers within plausible bounds (no outliers). */
  | 'ACCURACY'
  /** Cells that have a value (1 − missing cells / cells). */
  | 'COMPLETENESS'
  /** Text written one way (no minority spellings, padding or formats). */
  | 'CONSISTENCY'
  /** Rows and key values that are not repeated. */
  | 'UNIQUENESS'
  /** Values that are what the column says (parse as its type, fit its meaning, not impossible). */
  | 'VALIDITY';

/** A new account. */
export type SignUpInput = {
  /** The address to sign in with (stored lower case; one account per address). */
  email: string;
  /** The name others in a workspace see (1–255 characters). */
  fullName: string;
  /** 8–1024 characters, not a common password and not the email itself. */
  password: string;
};

/** How to run an analysis; every option may be left out. */
export type StartAnalysisOptions = {
  /** The version of the dataset to analyse (one of Dataset.versions); default: its latest. */
  datasetVersionId?: string | number | null | undefined;
  /** How this dataset writes "no value" besides the standard null tokens (NA, N/A, null, NULL, NaN, None, -, ?) and the markers the analysis learns from the data (such as "empty" or -999): each counted as missing, compared after trimming. */
  missingValueMarkers?: Array<string> | null | undefined;
  /** Analyse only the first this many rows (a quick look at a large file); default: every row. */
  sampleLimit?: number | null | undefined;
  /** ML_PREPARATION: the column a model would predict (one of Dataset.columns’ names). */
  targetColumn?: string | null | undefined;
};

/** What to change in a workspace; a missing field keeps its value. */
export type UpdateWorkspaceInput = {
  /** The new name (1–255 characters). */
  name?: string | null | undefined;
};

/** A member's new role. */
export type UpdateWorkspaceMemberInput = {
  /** The role to give (the last OWNER cannot be demoted). */
  role: WorkspaceRole;
};

/** How the values of a column are parsed, before the categorical/identifier refinement of LogicalType. */
export type ValueType =
  /** true/false, yes/no, 1/0 and the like. */
  | 'BOOLEAN'
  /** Calendar dates (ISO 8601 or the format in typeConsistency.dateFormat). */
  | 'DATE'
  /** Dates with a time of day. */
  | 'DATETIME'
  /** Numbers with a fraction (either decimal separator; see typeConsistency.decimalSeparator). */
  | 'DECIMAL'
  /** Whole numbers. */
  | 'INTEGER'
  /** Text that parses as none of the other types. */
  | 'STRING'
  /** Times of day without a date. */
  | 'TIME';

/** A member's rights in a workspace. */
export type WorkspaceRole =
  /** Upload, rename and delete datasets; start, cancel and delete analyses. */
  | 'EDITOR'
  /** Everything: rename or delete the workspace, invite, change roles and remove members. */
  | 'OWNER'
  /** Read only. */
  | 'VIEWER';

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, user: { id: string, fullName: string } } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { token: string, user: { id: string, fullName: string } } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { logOut: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, fullName: string, workspaces: { edges: Array<{ node: { id: string, name: string, viewerRole: WorkspaceRole, createdAt: string } }> }, invitations: Array<{ id: string, workspaceName: string, role: WorkspaceRole, invitedByName: string | null }> } };

export type CreateWorkspaceMutationVariables = Exact<{
  input: CreateWorkspaceInput;
}>;


export type CreateWorkspaceMutation = { createWorkspace: { id: string } };

export type AcceptInvitationMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptInvitationMutation = { acceptWorkspaceInvitation: { id: string } };

export type WorkspacePageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type WorkspacePageQuery = { node:
    | { __typename: 'Analysis' }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace', id: string, name: string, viewerRole: WorkspaceRole, owner: { id: string }, members: { edges: Array<{ node: { id: string, role: WorkspaceRole, user: { id: string, fullName: string, email: string } } }> }, invitations: Array<{ id: string, email: string, role: WorkspaceRole }>, datasets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, status: DatasetStatus, fileSize: number, rowCount: number | null, columnCount: number | null, format: DatasetFormat | null, uploadedAt: string, latestAnalysis: { id: string, status: AnalysisStatus, qualityScore: number | null } | null } }> } }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type RenameWorkspaceMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkspaceInput;
}>;


export type RenameWorkspaceMutation = { updateWorkspace: { id: string, name: string } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteWorkspaceMemberInput;
}>;


export type InviteMemberMutation = { inviteWorkspaceMember: { id: string } };

export type ChangeMemberRoleMutationVariables = Exact<{
  id: string | number;
  input: UpdateWorkspaceMemberInput;
}>;


export type ChangeMemberRoleMutation = { updateWorkspaceMember: { id: string, role: WorkspaceRole } };

export type RemoveMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveMemberMutation = { removeWorkspaceMember: string };

export type UploadDatasetMutationVariables = Exact<{
  workspaceId: string | number;
  file: Blob | null;
  name?: string | null | undefined;
}>;


export type UploadDatasetMutation = { uploadDataset: { id: string, name: string } };

export type DeleteDatasetMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDatasetMutation = { deleteDataset: string };

export type DatasetPageQueryVariables = Exact<{
  id: string | number;
}>;


export type DatasetPageQuery = { node:
    | { __typename: 'Analysis' }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset', id: string, name: string, status: DatasetStatus, fileSize: number, rowCount: number | null, columnCount: number | null, format: DatasetFormat | null, originalFilename: string | null, sha256: string | null, uploadedAt: string, columns: Array<{ position: number, name: string }> | null, workspace: { id: string, name: string, viewerRole: WorkspaceRole }, versions: { edges: Array<{ node: { id: string, version: number, rowCount: number | null, columnCount: number | null, fileSize: number, originalFilename: string | null, uploadedAt: string } }> }, analyses: { edges: Array<{ node: { id: string, goalType: AnalysisGoalType, status: AnalysisStatus, qualityScore: number | null, targetColumn: string | null, createdAt: string, completedAt: string | null, datasetVersion: { version: number } | null } }> } }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type StartAnalysisMutationVariables = Exact<{
  datasetId: string | number;
  goalType: AnalysisGoalType;
  options?: StartAnalysisOptions | null | undefined;
}>;


export type StartAnalysisMutation = { startAnalysis: { id: string } };

export type AnalysisUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type AnalysisUpdatedSubscription = { analysisUpdated: { id: string, status: AnalysisStatus, errorMessage: string | null, progress: { phase: AnalysisPhase, percent: number | null } | null } };

export type AnalysisReportQueryVariables = Exact<{
  id: string | number;
}>;


export type AnalysisReportQuery = { node:
    | { __typename: 'Analysis', id: string, status: AnalysisStatus, goalType: AnalysisGoalType, targetColumn: string | null, qualityScore: number | null, errorMessage: string | null, startedAt: string | null, completedAt: string | null, progress: { phase: AnalysisPhase, percent: number | null } | null, dataset: { id: string, name: string, rowCount: number | null, columnCount: number | null, workspace: { id: string, name: string, viewerRole: WorkspaceRole } }, scoreBreakdown: { score: number | null, formula: string, dimensions: Array<{ dimension: QualityDimension, assessed: boolean, weight: number, normalisedWeight: number | null, ratio: number | null, pointsLost: number | null, defects: number, assessable: number, assessableLabel: string }>, costs: Array<{ insightIndex: number, check: InsightCheck, columnName: string | null, dimension: QualityDimension, units: number, cost: number }> } | null }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type AnalysisInsightsQueryVariables = Exact<{
  id: string | number;
  filter?: InsightFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AnalysisInsightsQuery = { node:
    | { __typename: 'Analysis', id: string, insights: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, severity: InsightSeverity, type: InsightType, columnName: string | null, description: string, recommendation: string, cost: number | null, code: { pandas: string, sql: { affectedRows: string | null, fix: string } } | null, evidence: { check: InsightCheck, count: number, unit: EvidenceUnit, share: number | null, approximate: boolean, threshold: { name: string, value: number } | null, examples: Array<{ row: number | null, value: string, count: number | null }> } | null } }> } }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type AnalysisColumnsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type AnalysisColumnsQuery = { node:
    | { __typename: 'Analysis', id: string, columnProfiles: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, columnName: string, dataType: LogicalType, nullCount: number, uniqueCount: number } }> } }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type ColumnPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ColumnPageQuery = { node:
    | { __typename: 'Analysis' }
    | { __typename: 'ColumnProfile', id: string, columnName: string, dataType: LogicalType, nullCount: number, uniqueCount: number, minValue: string | null, maxValue: string | null, mean: number | null, median: number | null, analysis: { id: string, dataset: { id: string, name: string, rowCount: number | null } }, distribution: { valueType: ValueType, missing: { count: number, share: number }, typeConsistency: { share: number, validCount: number, invalidCount: number }, uniqueness: { distinctCount: number, approximate: boolean }, numeric: { stdDev: number | null, skewness: number | null, zeroCount: number, negativeCount: number, quantiles: Array<{ p: number, value: number, label: string }> } | null, histogram: { kind: HistogramKind, bins: Array<{ lower: number, upper: number, lowerLabel: string, upperLabel: string, count: number }> } | null, outliers: { iqr: { mild: { lower: number, upper: number, lowerLabel: string, upperLabel: string, count: number }, extreme: { lower: number, upper: number, lowerLabel: string, upperLabel: string, count: number } } } | null, topValues: { approximate: boolean, values: Array<{ value: string, count: number, share: number }> }, patterns: { approximate: boolean, distinctPatterns: number, shapes: Array<{ pattern: string, count: number, example: string }> } } | null }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type AnalysisCorrelationsQueryVariables = Exact<{
  id: string | number;
}>;


export type AnalysisCorrelationsQuery = { node:
    | { __typename: 'Analysis', id: string, correlations: { numericColumnsConsidered: number, categoricalColumnsConsidered: number, pearson: Array<{ columns: Array<string>, coefficient: number, n: number }>, cramersV: Array<{ columns: Array<string>, cramersV: number, n: number }> } | null }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type AnalysisDuplicatesQueryVariables = Exact<{
  id: string | number;
}>;


export type AnalysisDuplicatesQuery = { node:
    | { __typename: 'Analysis', id: string, dataset: { rowCount: number | null }, duplicateRows: { count: number, share: number, groups: Array<{ rows: Array<number>, count: number }> } | null }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight' }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type InsightAffectedRowsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InsightAffectedRowsQuery = { node:
    | { __typename: 'Analysis' }
    | { __typename: 'ColumnProfile' }
    | { __typename: 'Dataset' }
    | { __typename: 'DatasetVersion' }
    | { __typename: 'Insight', id: string, affectedRows: { columns: Array<string>, totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { row: number | null, values: Array<string | null> } }> } | null }
    | { __typename: 'User' }
    | { __typename: 'Workspace' }
    | { __typename: 'WorkspaceInvitation' }
    | { __typename: 'WorkspaceMember' }
   | null };

export type UploadDatasetVersionMutationVariables = Exact<{
  datasetId: string | number;
  file: Blob | null;
}>;


export type UploadDatasetVersionMutation = { uploadDatasetVersion: { id: string, version: number } };

export type CompareAnalysesQueryVariables = Exact<{
  baseId: string | number;
  targetId: string | number;
}>;


export type CompareAnalysesQuery = { analysisComparison: { method: DriftMethod, driftedColumns: Array<string>, warnings: Array<string>, base: { rowCount: number, columnCount: number, score: number | null }, target: { rowCount: number, columnCount: number, score: number | null }, schema: { added: Array<{ columnName: string, dataType: LogicalType }>, removed: Array<{ columnName: string, dataType: LogicalType }>, renamed: Array<{ from: string, to: string }>, typeChanged: Array<{ columnName: string, baseType: LogicalType, targetType: LogicalType }> }, columns: Array<{ columnName: string, baseColumnName: string, verdict: DriftVerdict, note: string | null, tests: Array<{ test: DriftTestKind, statistic: number, threshold: number, verdict: DriftVerdict, method: DriftMethod, summary: string }> }>, score: { base: number | null, target: number | null, delta: number | null, dimensions: Array<{ dimension: QualityDimension, pointsDelta: number | null }> }, insights: { new: Array<{ severity: InsightSeverity, check: InsightCheck, columnName: string | null, description: string | null }>, resolved: Array<{ severity: InsightSeverity, check: InsightCheck, columnName: string | null, description: string | null }>, changed: Array<{ check: InsightCheck, columnName: string | null, baseCount: number, targetCount: number, baseSeverity: InsightSeverity, targetSeverity: InsightSeverity }> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      id
      fullName
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    token
    user {
      id
      fullName
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    email
    fullName
    workspaces(first: 100) {
      edges {
        node {
          id
          name
          viewerRole
          createdAt
        }
      }
    }
    invitations {
      id
      workspaceName
      role
      invitedByName
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const CreateWorkspaceDocument = new TypedDocumentString(`
    mutation CreateWorkspace($input: CreateWorkspaceInput!) {
  createWorkspace(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateWorkspaceMutation, CreateWorkspaceMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($id: ID!) {
  acceptWorkspaceInvitation(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const WorkspacePageDocument = new TypedDocumentString(`
    query WorkspacePage($id: ID!, $after: String) {
  node(id: $id) {
    __typename
    ... on Workspace {
      id
      name
      viewerRole
      owner {
        id
      }
      members(first: 100) {
        edges {
          node {
            id
            role
            user {
              id
              fullName
              email
            }
          }
        }
      }
      invitations {
        id
        email
        role
      }
      datasets(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            name
            status
            fileSize
            rowCount
            columnCount
            format
            uploadedAt
            latestAnalysis {
              id
              status
              qualityScore
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkspacePageQuery, WorkspacePageQueryVariables>;
export const RenameWorkspaceDocument = new TypedDocumentString(`
    mutation RenameWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {
  updateWorkspace(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameWorkspaceMutation, RenameWorkspaceMutationVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($input: InviteWorkspaceMemberInput!) {
  inviteWorkspaceMember(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const ChangeMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeMemberRole($id: ID!, $input: UpdateWorkspaceMemberInput!) {
  updateWorkspaceMember(id: $id, input: $input) {
    id
    role
  }
}
    `) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($id: ID!) {
  removeWorkspaceMember(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const UploadDatasetDocument = new TypedDocumentString(`
    mutation UploadDataset($workspaceId: ID!, $file: File!, $name: String) {
  uploadDataset(workspaceId: $workspaceId, file: $file, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UploadDatasetMutation, UploadDatasetMutationVariables>;
export const DeleteDatasetDocument = new TypedDocumentString(`
    mutation DeleteDataset($id: ID!) {
  deleteDataset(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDatasetMutation, DeleteDatasetMutationVariables>;
export const DatasetPageDocument = new TypedDocumentString(`
    query DatasetPage($id: ID!) {
  node(id: $id) {
    __typename
    ... on Dataset {
      id
      name
      status
      fileSize
      rowCount
      columnCount
      format
      originalFilename
      sha256
      uploadedAt
      columns {
        position
        name
      }
      workspace {
        id
        name
        viewerRole
      }
      versions(first: 20) {
        edges {
          node {
            id
            version
            rowCount
            columnCount
            fileSize
            originalFilename
            uploadedAt
          }
        }
      }
      analyses(first: 50) {
        edges {
          node {
            id
            goalType
            status
            qualityScore
            targetColumn
            createdAt
            completedAt
            datasetVersion {
              version
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetPageQuery, DatasetPageQueryVariables>;
export const StartAnalysisDocument = new TypedDocumentString(`
    mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {
  startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartAnalysisMutation, StartAnalysisMutationVariables>;
export const AnalysisUpdatedDocument = new TypedDocumentString(`
    subscription AnalysisUpdated($id: ID!) {
  analysisUpdated(id: $id) {
    id
    status
    errorMessage
    progress {
      phase
      percent
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisUpdatedSubscription, AnalysisUpdatedSubscriptionVariables>;
export const AnalysisReportDocument = new TypedDocumentString(`
    query AnalysisReport($id: ID!) {
  node(id: $id) {
    __typename
    ... on Analysis {
      id
      status
      goalType
      targetColumn
      qualityScore
      errorMessage
      startedAt
      completedAt
      progress {
        phase
        percent
      }
      dataset {
        id
        name
        rowCount
        columnCount
        workspace {
          id
          name
          viewerRole
        }
      }
      scoreBreakdown {
        score
        formula
        dimensions {
          dimension
          assessed
          weight
          normalisedWeight
          ratio
          pointsLost
          defects
          assessable
          assessableLabel
        }
        costs {
          insightIndex
          check
          columnName
          dimension
          units
          cost
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisReportQuery, AnalysisReportQueryVariables>;
export const AnalysisInsightsDocument = new TypedDocumentString(`
    query AnalysisInsights($id: ID!, $filter: InsightFilter, $after: String) {
  node(id: $id) {
    __typename
    ... on Analysis {
      id
      insights(first: 50, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            severity
            type
            columnName
            description
            recommendation
            cost
            code {
              pandas
              sql {
                affectedRows
                fix
              }
            }
            evidence {
              check
              count
              unit
              share
              approximate
              threshold {
                name
                value
              }
              examples {
                row
                value
                count
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisInsightsQuery, AnalysisInsightsQueryVariables>;
export const AnalysisColumnsDocument = new TypedDocumentString(`
    query AnalysisColumns($id: ID!, $after: String) {
  node(id: $id) {
    __typename
    ... on Analysis {
      id
      columnProfiles(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            columnName
            dataType
            nullCount
            uniqueCount
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisColumnsQuery, AnalysisColumnsQueryVariables>;
export const ColumnPageDocument = new TypedDocumentString(`
    query ColumnPage($id: ID!) {
  node(id: $id) {
    __typename
    ... on ColumnProfile {
      id
      columnName
      dataType
      nullCount
      uniqueCount
      minValue
      maxValue
      mean
      median
      analysis {
        id
        dataset {
          id
          name
          rowCount
        }
      }
      distribution {
        valueType
        missing {
          count
          share
        }
        typeConsistency {
          share
          validCount
          invalidCount
        }
        uniqueness {
          distinctCount
          approximate
        }
        numeric {
          stdDev
          skewness
          zeroCount
          negativeCount
          quantiles {
            p
            value
            label
          }
        }
        histogram {
          kind
          bins {
            lower
            upper
            lowerLabel
            upperLabel
            count
          }
        }
        outliers {
          iqr {
            mild {
              lower
              upper
              lowerLabel
              upperLabel
              count
            }
            extreme {
              lower
              upper
              lowerLabel
              upperLabel
              count
            }
          }
        }
        topValues {
          approximate
          values {
            value
            count
            share
          }
        }
        patterns {
          approximate
          distinctPatterns
          shapes {
            pattern
            count
            example
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ColumnPageQuery, ColumnPageQueryVariables>;
export const AnalysisCorrelationsDocument = new TypedDocumentString(`
    query AnalysisCorrelations($id: ID!) {
  node(id: $id) {
    __typename
    ... on Analysis {
      id
      correlations {
        numericColumnsConsidered
        categoricalColumnsConsidered
        pearson {
          columns
          coefficient
          n
        }
        cramersV {
          columns
          cramersV
          n
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisCorrelationsQuery, AnalysisCorrelationsQueryVariables>;
export const AnalysisDuplicatesDocument = new TypedDocumentString(`
    query AnalysisDuplicates($id: ID!) {
  node(id: $id) {
    __typename
    ... on Analysis {
      id
      dataset {
        rowCount
      }
      duplicateRows {
        count
        share
        groups {
          rows
          count
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalysisDuplicatesQuery, AnalysisDuplicatesQueryVariables>;
export const InsightAffectedRowsDocument = new TypedDocumentString(`
    query InsightAffectedRows($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    __typename
    ... on Insight {
      id
      affectedRows(first: $first, after: $after) {
        columns
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            row
            values
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InsightAffectedRowsQuery, InsightAffectedRowsQueryVariables>;
export const UploadDatasetVersionDocument = new TypedDocumentString(`
    mutation UploadDatasetVersion($datasetId: ID!, $file: File!) {
  uploadDatasetVersion(datasetId: $datasetId, file: $file) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UploadDatasetVersionMutation, UploadDatasetVersionMutationVariables>;
export const CompareAnalysesDocument = new TypedDocumentString(`
    query CompareAnalyses($baseId: ID!, $targetId: ID!) {
  analysisComparison(baseId: $baseId, targetId: $targetId) {
    method
    base {
      rowCount
      columnCount
      score
    }
    target {
      rowCount
      columnCount
      score
    }
    driftedColumns
    warnings
    schema {
      added {
        columnName
        dataType
      }
      removed {
        columnName
        dataType
      }
      renamed {
        from
        to
      }
      typeChanged {
        columnName
        baseType
        targetType
      }
    }
    columns {
      columnName
      baseColumnName
      verdict
      note
      tests {
        test
        statistic
        threshold
        verdict
        method
        summary
      }
    }
    score {
      base
      target
      delta
      dimensions {
        dimension
        pointsDelta
      }
    }
    insights {
      new {
        severity
        check
        columnName
        description
      }
      resolved {
        severity
        check
        columnName
        description
      }
      changed {
        check
        columnName
        baseCount
        targetCount
        baseSeverity
        targetSeverity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CompareAnalysesQuery, CompareAnalysesQueryVariables>;