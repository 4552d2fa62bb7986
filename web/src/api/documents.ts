// Every GraphQL document the app sends, typed by the project's codegen (`npm run codegen` writes web/src/gql).
import { graphql } from '../gql';

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        fullName
      }
    }
  }
`);

export const LogIn = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      user {
        id
        fullName
      }
    }
  }
`);

export const LogOut = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const Viewer = graphql(`
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
`);

export const CreateWorkspace = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      id
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($id: ID!) {
    acceptWorkspaceInvitation(id: $id) {
      id
    }
  }
`);

export const WorkspacePage = graphql(`
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
`);

export const RenameWorkspace = graphql(`
  mutation RenameWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {
    updateWorkspace(id: $id, input: $input) {
      id
      name
    }
  }
`);

export const InviteMember = graphql(`
  mutation InviteMember($input: InviteWorkspaceMemberInput!) {
    inviteWorkspaceMember(input: $input) {
      id
    }
  }
`);

export const ChangeMemberRole = graphql(`
  mutation ChangeMemberRole($id: ID!, $input: UpdateWorkspaceMemberInput!) {
    updateWorkspaceMember(id: $id, input: $input) {
      id
      role
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($id: ID!) {
    removeWorkspaceMember(id: $id)
  }
`);

export const UploadDataset = graphql(`
  mutation UploadDataset($workspaceId: ID!, $file: File!, $name: String) {
    uploadDataset(workspaceId: $workspaceId, file: $file, name: $name) {
      id
      name
    }
  }
`);

export const DeleteDataset = graphql(`
  mutation DeleteDataset($id: ID!) {
    deleteDataset(id: $id)
  }
`);

export const DatasetPage = graphql(`
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
`);

export const StartAnalysis = graphql(`
  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {
    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {
      id
    }
  }
`);

export const AnalysisUpdated = graphql(`
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
`);

export const AnalysisReport = graphql(`
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
`);

export const AnalysisInsights = graphql(`
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
`);

export const AnalysisColumns = graphql(`
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
`);

export const ColumnPage = graphql(`
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
`);

export const AnalysisCorrelations = graphql(`
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
`);

export const AnalysisDuplicates = graphql(`
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
`);

export const InsightAffectedRows = graphql(`
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
`);

export const UploadDatasetVersion = graphql(`
  mutation UploadDatasetVersion($datasetId: ID!, $file: File!) {
    uploadDatasetVersion(datasetId: $datasetId, file: $file) {
      id
      version
    }
  }
`);

export const CompareAnalyses = graphql(`
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
`);
