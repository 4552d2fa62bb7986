/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {\n      id\n      status\n      goalType\n      targetColumn\n      progress {\n        phase\n      }\n    }\n  }\n": typeof types.StartAnalysisDocument,
    "\n  query AnalysisState($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        id\n        status\n        errorMessage\n        qualityScore\n        attempts\n        cancelledAt\n        startedAt\n        completedAt\n        progress {\n          phase\n          percent\n        }\n        scoreBreakdown {\n          score\n          dimensions {\n            dimension\n            ratio\n          }\n        }\n        columnProfiles(first: 100) {\n          totalCount\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n            }\n          }\n        }\n        insights(first: 100) {\n          totalCount\n          edges {\n            node {\n              type\n              severity\n              columnName\n              description\n              codeSuggestion\n              cost\n              evidence {\n                count\n              }\n            }\n          }\n        }\n        dataset {\n          status\n          rowCount\n          columnCount\n          latestAnalysis {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.AnalysisStateDocument,
    "\n  mutation RenameFollowedDataset($id: ID!, $name: String!) {\n    updateDataset(id: $id, input: { name: $name }) {\n      id\n    }\n  }\n": typeof types.RenameFollowedDatasetDocument,
    "\n  mutation DeleteFollowedDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n": typeof types.DeleteFollowedDatasetDocument,
    "\n  mutation CancelAnalysis($id: ID!) {\n    cancelAnalysis(id: $id) {\n      id\n      status\n      errorMessage\n      cancelledAt\n    }\n  }\n": typeof types.CancelAnalysisDocument,
    "\n      subscription FollowWorkspace($id: ID!) {\n        workspaceEvents(id: $id) {\n          kind\n          deletedId\n          dataset {\n            id\n            name\n            status\n          }\n          analysis {\n            id\n            status\n            qualityScore\n          }\n        }\n      }\n    ": typeof types.FollowWorkspaceDocument,
    "\n      subscription FollowAnalysis($id: ID!) {\n        analysisUpdated(id: $id) {\n          status\n          progress {\n            phase\n            percent\n          }\n          qualityScore\n        }\n      }\n    ": typeof types.FollowAnalysisDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token expiresAt user { id email fullName isActive } }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { email } }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut { logOut }\n": typeof types.LogOutDocument,
    "\n  query Me { viewer { id email fullName } }\n": typeof types.MeDocument,
    "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) { email fullName }\n  }\n": typeof types.UpdateMeDocument,
    "\n  mutation DeleteAccount($password: String!) { deleteAccount(password: $password) }\n": typeof types.DeleteAccountDocument,
    "\n  query SignedInAs { viewer { id email } }\n": typeof types.SignedInAsDocument,
    "\n  query TeamWorkspace($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        members { totalCount edges { node { role user { email } } } }\n        datasets { totalCount edges { node { name uploader { email } } } }\n      }\n    }\n  }\n": typeof types.TeamWorkspaceDocument,
    "\n  mutation DeleteOwnUpload($id: ID!) { deleteDataset(id: $id) }\n": typeof types.DeleteOwnUploadDocument,
    "\n  query WorkspaceView($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        viewerRole\n        members { totalCount edges { node { role user { email } } } }\n        datasets { edges { node { name uploader { email } } } }\n      }\n    }\n  }\n": typeof types.WorkspaceViewDocument,
    "\n  mutation RenameWorkspace($id: ID!, $name: String!) { updateWorkspace(id: $id, input: { name: $name }) { name } }\n": typeof types.RenameWorkspaceDocument,
    "\n  mutation RemoveWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n": typeof types.RemoveWorkspaceDocument,
    "\n  mutation RenameDataset($id: ID!, $name: String!) { updateDataset(id: $id, input: { name: $name }) { name } }\n": typeof types.RenameDatasetDocument,
    "\n  mutation RemoveDataset($id: ID!) { deleteDataset(id: $id) }\n": typeof types.RemoveDatasetDocument,
    "\n  mutation RemoveAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n": typeof types.RemoveAnalysisDocument,
    "\n  mutation Invite($input: InviteWorkspaceMemberInput!) { inviteWorkspaceMember(input: $input) { id email role workspaceName invitedByName } }\n": typeof types.InviteDocument,
    "\n  mutation Accept($id: ID!) { acceptWorkspaceInvitation(id: $id) { id role user { email } } }\n": typeof types.AcceptDocument,
    "\n  mutation Decline($id: ID!) { removeWorkspaceInvitation(id: $id) }\n": typeof types.DeclineDocument,
    "\n  query Invitations($workspace: ID!) {\n    viewer { invitations { id email role workspaceName } }\n    node(id: $workspace) { __typename ... on Workspace { invitations { id email } } }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation ChangeRole($id: ID!, $role: WorkspaceRole!) { updateWorkspaceMember(id: $id, input: { role: $role }) { role } }\n": typeof types.ChangeRoleDocument,
    "\n  mutation RemoveMember($id: ID!) { removeWorkspaceMember(id: $id) }\n": typeof types.RemoveMemberDocument,
    "\n      mutation CreateOwned { createWorkspace(input: { name: \"Mine\" }) { viewerRole members { edges { node { role user { email } } } } } }\n    ": typeof types.CreateOwnedDocument,
    "query InvitationNode($id: ID!) { node(id: $id) { id } }": typeof types.InvitationNodeDocument,
    "\n  mutation SignUpWithWorkspaces($input: SignUpInput!) {\n    signUp(input: $input) { token user { email workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n": typeof types.SignUpWithWorkspacesDocument,
    "\n  mutation LogInWithWorkspaces($input: LogInInput!) {\n    logIn(input: $input) { token user { workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n": typeof types.LogInWithWorkspacesDocument,
    "\n  mutation CreateFirstWorkspace($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }\n": typeof types.CreateFirstWorkspaceDocument,
    "\n  query WhoAmI { viewer { email } }\n": typeof types.WhoAmIDocument,
    "\n  mutation DeleteDatasetFile($id: ID!) { deleteDataset(id: $id) }\n": typeof types.DeleteDatasetFileDocument,
    "\n  mutation DeleteWorkspaceFiles($id: ID!) { deleteWorkspace(id: $id) }\n": typeof types.DeleteWorkspaceFilesDocument,
    "\n      query ListedDatasets($id: ID!) {\n        node(id: $id) {\n          __typename\n          ... on Workspace {\n            datasets(first: 100) {\n              totalCount\n              edges {\n                node {\n                  name\n                  format\n                  rowCount\n                }\n              }\n            }\n          }\n        }\n      }\n    ": typeof types.ListedDatasetsDocument,
    "\n      mutation DeleteUploadedDataset($id: ID!) {\n        deleteDataset(id: $id)\n      }\n    ": typeof types.DeleteUploadedDatasetDocument,
    "\n      mutation DeleteUploadWorkspace($id: ID!) {\n        deleteWorkspace(id: $id)\n      }\n    ": typeof types.DeleteUploadWorkspaceDocument,
    "\n  query Dashboard($n: Int!) {\n    viewer {\n      id\n      workspaces(first: $n) {\n        edges {\n          node {\n            id\n            name\n            datasets(first: $n) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  analyses(first: 3) {\n                    edges {\n                      node {\n                        id\n                        status\n                        qualityScore\n                        insights(first: 5) {\n                          totalCount\n                          edges { node { id severity type description } }\n                        }\n                        columnProfiles(first: 5) {\n                          edges { node { id columnName dataType nullCount } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query Profiles($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        columnProfiles(first: 20) {\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n              mean\n              distributionData\n              distribution {\n                version\n                logicalType\n                missing { count share tokens { token count } }\n                numeric { stdDev skewness quantiles { p value label } }\n                histogram { kind bins { lower upper count } }\n                topValues { approximate values { value count share } }\n                patterns { shapes { pattern share } }\n                outliers { iqr { mild { lower upper count } } robustZ { threshold } }\n                approximateFields\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProfilesDocument,
    "\n  query Workspaces($first: Int, $after: String, $last: Int, $before: String) {\n    viewer {\n      workspaces(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name } }\n      }\n    }\n  }\n": typeof types.WorkspacesDocument,
    "\n  query Datasets($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: DatasetFilter, $orderBy: DatasetOrder) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        datasets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n          totalCount\n          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n          edges { node { id name status } }\n        }\n      }\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  query AnalysisDetail($dataset: ID!, $analysis: ID!, $analysisFilter: AnalysisFilter, $insightFilter: InsightFilter, $first: Int, $after: String) {\n    dataset: node(id: $dataset) {\n      __typename\n      ... on Dataset {\n        analyses(filter: $analysisFilter) { totalCount edges { node { id goalType status } } }\n      }\n    }\n    analysis: node(id: $analysis) {\n      __typename\n      ... on Analysis {\n        insights(filter: $insightFilter, first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { severity type description } }\n        }\n        columnProfiles { totalCount edges { node { columnName } } }\n      }\n    }\n  }\n": typeof types.AnalysisDetailDocument,
    "\n  mutation SignUpForFacts($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": typeof types.SignUpForFactsDocument,
    "\n  mutation CreateWorkspaceForFacts($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateWorkspaceForFactsDocument,
    "\n  mutation StartAnalysisForFacts($datasetId: ID!) {\n    startAnalysis(datasetId: $datasetId, goalType: EXPLORATORY) {\n      id\n    }\n  }\n": typeof types.StartAnalysisForFactsDocument,
    "\n  query AnalysisFacts($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        correlations {\n          pearson {\n            columns\n            coefficient\n            n\n          }\n          cramersV {\n            columns\n            cramersV\n            n\n          }\n          numericColumnsConsidered\n          categoricalColumnsConsidered\n        }\n        duplicateRows {\n          count\n          share\n          groups {\n            rows\n            count\n          }\n        }\n      }\n    }\n  }\n": typeof types.AnalysisFactsDocument,
    "\n  mutation SignUpForAffectedRows($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": typeof types.SignUpForAffectedRowsDocument,
    "\n  mutation CreateWorkspaceForAffectedRows($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateWorkspaceForAffectedRowsDocument,
    "\n  mutation StartAnalysisForAffectedRows($datasetId: ID!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY, options: $options) {\n      id\n    }\n  }\n": typeof types.StartAnalysisForAffectedRowsDocument,
    "\n  query InsightsWithSql($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        columnProfiles(first: 100) {\n          edges {\n            node {\n              columnName\n            }\n          }\n        }\n        insights(first: 100) {\n          edges {\n            node {\n              id\n              columnName\n              evidence {\n                check\n                count\n                unit\n                approximate\n                examples {\n                  row\n                }\n              }\n              code {\n                sql {\n                  affectedRows\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.InsightsWithSqlDocument,
    "\n  query InsightAffectedRows($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Insight {\n        affectedRows(first: $first, after: $after) {\n          columns\n          totalCount\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              row\n              values\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.InsightAffectedRowsDocument,
    "\n  query AnalysisInsightAffectedRows($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        insights(first: 100) {\n          edges {\n            node {\n              affectedRows(first: 1) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AnalysisInsightAffectedRowsDocument,
    "\n  query DeepestPage($first: Int!) {\n    viewer {\n      workspaces(first: $first) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            datasets(first: $first) {\n              pageInfo { hasNextPage endCursor }\n              edges {\n                cursor\n                node {\n                  analyses(first: $first) {\n                    pageInfo { hasNextPage endCursor }\n                    edges {\n                      cursor\n                      node {\n                        insights(first: $first) {\n                          totalCount\n                          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n                          edges { cursor node { id severity } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeepestPageDocument,
    "\n  query Ids {\n    viewer {\n      id\n      workspaces(first: 1) {\n        edges {\n          node {\n            id\n            datasets(first: 1) {\n              edges {\n                node {\n                  id\n                  analyses(first: 1) {\n                    edges { node { id insights(first: 1) { edges { node { id } } } columnProfiles(first: 1) { edges { node { id } } } } }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.IdsDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n": typeof types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n": typeof types.NodesDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { id name owner { id } createdAt datasets { totalCount } }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  mutation UpdateWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {\n    updateWorkspace(id: $id, input: $input) { id name updatedAt }\n  }\n": typeof types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n": typeof types.DeleteWorkspaceDocument,
    "\n  mutation UpdateDataset($id: ID!, $input: UpdateDatasetInput!) {\n    updateDataset(id: $id, input: $input) { id name }\n  }\n": typeof types.UpdateDatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }\n": typeof types.DeleteDatasetDocument,
    "\n  mutation DeleteAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n": typeof types.DeleteAnalysisDocument,
    "\n  query AnalysesPage($id: ID!) {\n    node(id: $id) {\n      ... on Dataset {\n        analyses(first: 3) {\n          totalCount\n          edges {\n            node {\n              id\n              insights(first: 5) {\n                totalCount\n                pageInfo { hasNextPage }\n                edges { node { id severity } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AnalysesPageDocument,
};
const documents: Documents = {
    "\n  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {\n      id\n      status\n      goalType\n      targetColumn\n      progress {\n        phase\n      }\n    }\n  }\n": types.StartAnalysisDocument,
    "\n  query AnalysisState($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        id\n        status\n        errorMessage\n        qualityScore\n        attempts\n        cancelledAt\n        startedAt\n        completedAt\n        progress {\n          phase\n          percent\n        }\n        scoreBreakdown {\n          score\n          dimensions {\n            dimension\n            ratio\n          }\n        }\n        columnProfiles(first: 100) {\n          totalCount\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n            }\n          }\n        }\n        insights(first: 100) {\n          totalCount\n          edges {\n            node {\n              type\n              severity\n              columnName\n              description\n              codeSuggestion\n              cost\n              evidence {\n                count\n              }\n            }\n          }\n        }\n        dataset {\n          status\n          rowCount\n          columnCount\n          latestAnalysis {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.AnalysisStateDocument,
    "\n  mutation RenameFollowedDataset($id: ID!, $name: String!) {\n    updateDataset(id: $id, input: { name: $name }) {\n      id\n    }\n  }\n": types.RenameFollowedDatasetDocument,
    "\n  mutation DeleteFollowedDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n": types.DeleteFollowedDatasetDocument,
    "\n  mutation CancelAnalysis($id: ID!) {\n    cancelAnalysis(id: $id) {\n      id\n      status\n      errorMessage\n      cancelledAt\n    }\n  }\n": types.CancelAnalysisDocument,
    "\n      subscription FollowWorkspace($id: ID!) {\n        workspaceEvents(id: $id) {\n          kind\n          deletedId\n          dataset {\n            id\n            name\n            status\n          }\n          analysis {\n            id\n            status\n            qualityScore\n          }\n        }\n      }\n    ": types.FollowWorkspaceDocument,
    "\n      subscription FollowAnalysis($id: ID!) {\n        analysisUpdated(id: $id) {\n          status\n          progress {\n            phase\n            percent\n          }\n          qualityScore\n        }\n      }\n    ": types.FollowAnalysisDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token expiresAt user { id email fullName isActive } }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { email } }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut { logOut }\n": types.LogOutDocument,
    "\n  query Me { viewer { id email fullName } }\n": types.MeDocument,
    "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) { email fullName }\n  }\n": types.UpdateMeDocument,
    "\n  mutation DeleteAccount($password: String!) { deleteAccount(password: $password) }\n": types.DeleteAccountDocument,
    "\n  query SignedInAs { viewer { id email } }\n": types.SignedInAsDocument,
    "\n  query TeamWorkspace($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        members { totalCount edges { node { role user { email } } } }\n        datasets { totalCount edges { node { name uploader { email } } } }\n      }\n    }\n  }\n": types.TeamWorkspaceDocument,
    "\n  mutation DeleteOwnUpload($id: ID!) { deleteDataset(id: $id) }\n": types.DeleteOwnUploadDocument,
    "\n  query WorkspaceView($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        viewerRole\n        members { totalCount edges { node { role user { email } } } }\n        datasets { edges { node { name uploader { email } } } }\n      }\n    }\n  }\n": types.WorkspaceViewDocument,
    "\n  mutation RenameWorkspace($id: ID!, $name: String!) { updateWorkspace(id: $id, input: { name: $name }) { name } }\n": types.RenameWorkspaceDocument,
    "\n  mutation RemoveWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n": types.RemoveWorkspaceDocument,
    "\n  mutation RenameDataset($id: ID!, $name: String!) { updateDataset(id: $id, input: { name: $name }) { name } }\n": types.RenameDatasetDocument,
    "\n  mutation RemoveDataset($id: ID!) { deleteDataset(id: $id) }\n": types.RemoveDatasetDocument,
    "\n  mutation RemoveAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n": types.RemoveAnalysisDocument,
    "\n  mutation Invite($input: InviteWorkspaceMemberInput!) { inviteWorkspaceMember(input: $input) { id email role workspaceName invitedByName } }\n": types.InviteDocument,
    "\n  mutation Accept($id: ID!) { acceptWorkspaceInvitation(id: $id) { id role user { email } } }\n": types.AcceptDocument,
    "\n  mutation Decline($id: ID!) { removeWorkspaceInvitation(id: $id) }\n": types.DeclineDocument,
    "\n  query Invitations($workspace: ID!) {\n    viewer { invitations { id email role workspaceName } }\n    node(id: $workspace) { __typename ... on Workspace { invitations { id email } } }\n  }\n": types.InvitationsDocument,
    "\n  mutation ChangeRole($id: ID!, $role: WorkspaceRole!) { updateWorkspaceMember(id: $id, input: { role: $role }) { role } }\n": types.ChangeRoleDocument,
    "\n  mutation RemoveMember($id: ID!) { removeWorkspaceMember(id: $id) }\n": types.RemoveMemberDocument,
    "\n      mutation CreateOwned { createWorkspace(input: { name: \"Mine\" }) { viewerRole members { edges { node { role user { email } } } } } }\n    ": types.CreateOwnedDocument,
    "query InvitationNode($id: ID!) { node(id: $id) { id } }": types.InvitationNodeDocument,
    "\n  mutation SignUpWithWorkspaces($input: SignUpInput!) {\n    signUp(input: $input) { token user { email workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n": types.SignUpWithWorkspacesDocument,
    "\n  mutation LogInWithWorkspaces($input: LogInInput!) {\n    logIn(input: $input) { token user { workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n": types.LogInWithWorkspacesDocument,
    "\n  mutation CreateFirstWorkspace($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }\n": types.CreateFirstWorkspaceDocument,
    "\n  query WhoAmI { viewer { email } }\n": types.WhoAmIDocument,
    "\n  mutation DeleteDatasetFile($id: ID!) { deleteDataset(id: $id) }\n": types.DeleteDatasetFileDocument,
    "\n  mutation DeleteWorkspaceFiles($id: ID!) { deleteWorkspace(id: $id) }\n": types.DeleteWorkspaceFilesDocument,
    "\n      query ListedDatasets($id: ID!) {\n        node(id: $id) {\n          __typename\n          ... on Workspace {\n            datasets(first: 100) {\n              totalCount\n              edges {\n                node {\n                  name\n                  format\n                  rowCount\n                }\n              }\n            }\n          }\n        }\n      }\n    ": types.ListedDatasetsDocument,
    "\n      mutation DeleteUploadedDataset($id: ID!) {\n        deleteDataset(id: $id)\n      }\n    ": types.DeleteUploadedDatasetDocument,
    "\n      mutation DeleteUploadWorkspace($id: ID!) {\n        deleteWorkspace(id: $id)\n      }\n    ": types.DeleteUploadWorkspaceDocument,
    "\n  query Dashboard($n: Int!) {\n    viewer {\n      id\n      workspaces(first: $n) {\n        edges {\n          node {\n            id\n            name\n            datasets(first: $n) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  analyses(first: 3) {\n                    edges {\n                      node {\n                        id\n                        status\n                        qualityScore\n                        insights(first: 5) {\n                          totalCount\n                          edges { node { id severity type description } }\n                        }\n                        columnProfiles(first: 5) {\n                          edges { node { id columnName dataType nullCount } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query Profiles($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        columnProfiles(first: 20) {\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n              mean\n              distributionData\n              distribution {\n                version\n                logicalType\n                missing { count share tokens { token count } }\n                numeric { stdDev skewness quantiles { p value label } }\n                histogram { kind bins { lower upper count } }\n                topValues { approximate values { value count share } }\n                patterns { shapes { pattern share } }\n                outliers { iqr { mild { lower upper count } } robustZ { threshold } }\n                approximateFields\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProfilesDocument,
    "\n  query Workspaces($first: Int, $after: String, $last: Int, $before: String) {\n    viewer {\n      workspaces(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name } }\n      }\n    }\n  }\n": types.WorkspacesDocument,
    "\n  query Datasets($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: DatasetFilter, $orderBy: DatasetOrder) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        datasets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n          totalCount\n          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n          edges { node { id name status } }\n        }\n      }\n    }\n  }\n": types.DatasetsDocument,
    "\n  query AnalysisDetail($dataset: ID!, $analysis: ID!, $analysisFilter: AnalysisFilter, $insightFilter: InsightFilter, $first: Int, $after: String) {\n    dataset: node(id: $dataset) {\n      __typename\n      ... on Dataset {\n        analyses(filter: $analysisFilter) { totalCount edges { node { id goalType status } } }\n      }\n    }\n    analysis: node(id: $analysis) {\n      __typename\n      ... on Analysis {\n        insights(filter: $insightFilter, first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { severity type description } }\n        }\n        columnProfiles { totalCount edges { node { columnName } } }\n      }\n    }\n  }\n": types.AnalysisDetailDocument,
    "\n  mutation SignUpForFacts($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": types.SignUpForFactsDocument,
    "\n  mutation CreateWorkspaceForFacts($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": types.CreateWorkspaceForFactsDocument,
    "\n  mutation StartAnalysisForFacts($datasetId: ID!) {\n    startAnalysis(datasetId: $datasetId, goalType: EXPLORATORY) {\n      id\n    }\n  }\n": types.StartAnalysisForFactsDocument,
    "\n  query AnalysisFacts($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        correlations {\n          pearson {\n            columns\n            coefficient\n            n\n          }\n          cramersV {\n            columns\n            cramersV\n            n\n          }\n          numericColumnsConsidered\n          categoricalColumnsConsidered\n        }\n        duplicateRows {\n          count\n          share\n          groups {\n            rows\n            count\n          }\n        }\n      }\n    }\n  }\n": types.AnalysisFactsDocument,
    "\n  mutation SignUpForAffectedRows($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n": types.SignUpForAffectedRowsDocument,
    "\n  mutation CreateWorkspaceForAffectedRows($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": types.CreateWorkspaceForAffectedRowsDocument,
    "\n  mutation StartAnalysisForAffectedRows($datasetId: ID!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY, options: $options) {\n      id\n    }\n  }\n": types.StartAnalysisForAffectedRowsDocument,
    "\n  query InsightsWithSql($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        columnProfiles(first: 100) {\n          edges {\n            node {\n              columnName\n            }\n          }\n        }\n        insights(first: 100) {\n          edges {\n            node {\n              id\n              columnName\n              evidence {\n                check\n                count\n                unit\n                approximate\n                examples {\n                  row\n                }\n              }\n              code {\n                sql {\n                  affectedRows\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.InsightsWithSqlDocument,
    "\n  query InsightAffectedRows($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Insight {\n        affectedRows(first: $first, after: $after) {\n          columns\n          totalCount\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              row\n              values\n            }\n          }\n        }\n      }\n    }\n  }\n": types.InsightAffectedRowsDocument,
    "\n  query AnalysisInsightAffectedRows($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        insights(first: 100) {\n          edges {\n            node {\n              affectedRows(first: 1) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AnalysisInsightAffectedRowsDocument,
    "\n  query DeepestPage($first: Int!) {\n    viewer {\n      workspaces(first: $first) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            datasets(first: $first) {\n              pageInfo { hasNextPage endCursor }\n              edges {\n                cursor\n                node {\n                  analyses(first: $first) {\n                    pageInfo { hasNextPage endCursor }\n                    edges {\n                      cursor\n                      node {\n                        insights(first: $first) {\n                          totalCount\n                          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n                          edges { cursor node { id severity } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeepestPageDocument,
    "\n  query Ids {\n    viewer {\n      id\n      workspaces(first: 1) {\n        edges {\n          node {\n            id\n            datasets(first: 1) {\n              edges {\n                node {\n                  id\n                  analyses(first: 1) {\n                    edges { node { id insights(first: 1) { edges { node { id } } } columnProfiles(first: 1) { edges { node { id } } } } }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.IdsDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n": types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n": types.NodesDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { id name owner { id } createdAt datasets { totalCount } }\n  }\n": types.CreateWorkspaceDocument,
    "\n  mutation UpdateWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {\n    updateWorkspace(id: $id, input: $input) { id name updatedAt }\n  }\n": types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n": types.DeleteWorkspaceDocument,
    "\n  mutation UpdateDataset($id: ID!, $input: UpdateDatasetInput!) {\n    updateDataset(id: $id, input: $input) { id name }\n  }\n": types.UpdateDatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }\n": types.DeleteDatasetDocument,
    "\n  mutation DeleteAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n": types.DeleteAnalysisDocument,
    "\n  query AnalysesPage($id: ID!) {\n    node(id: $id) {\n      ... on Dataset {\n        analyses(first: 3) {\n          totalCount\n          edges {\n            node {\n              id\n              insights(first: 5) {\n                totalCount\n                pageInfo { hasNextPage }\n                edges { node { id severity } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AnalysesPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {\n      id\n      status\n      goalType\n      targetColumn\n      progress {\n        phase\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {\n      id\n      status\n      goalType\n      targetColumn\n      progress {\n        phase\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysisState($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        id\n        status\n        errorMessage\n        qualityScore\n        attempts\n        cancelledAt\n        startedAt\n        completedAt\n        progress {\n          phase\n          percent\n        }\n        scoreBreakdown {\n          score\n          dimensions {\n            dimension\n            ratio\n          }\n        }\n        columnProfiles(first: 100) {\n          totalCount\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n            }\n          }\n        }\n        insights(first: 100) {\n          totalCount\n          edges {\n            node {\n              type\n              severity\n              columnName\n              description\n              codeSuggestion\n              cost\n              evidence {\n                count\n              }\n            }\n          }\n        }\n        dataset {\n          status\n          rowCount\n          columnCount\n          latestAnalysis {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalysisState($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        id\n        status\n        errorMessage\n        qualityScore\n        attempts\n        cancelledAt\n        startedAt\n        completedAt\n        progress {\n          phase\n          percent\n        }\n        scoreBreakdown {\n          score\n          dimensions {\n            dimension\n            ratio\n          }\n        }\n        columnProfiles(first: 100) {\n          totalCount\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n            }\n          }\n        }\n        insights(first: 100) {\n          totalCount\n          edges {\n            node {\n              type\n              severity\n              columnName\n              description\n              codeSuggestion\n              cost\n              evidence {\n                count\n              }\n            }\n          }\n        }\n        dataset {\n          status\n          rowCount\n          columnCount\n          latestAnalysis {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameFollowedDataset($id: ID!, $name: String!) {\n    updateDataset(id: $id, input: { name: $name }) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RenameFollowedDataset($id: ID!, $name: String!) {\n    updateDataset(id: $id, input: { name: $name }) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFollowedDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteFollowedDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAnalysis($id: ID!) {\n    cancelAnalysis(id: $id) {\n      id\n      status\n      errorMessage\n      cancelledAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelAnalysis($id: ID!) {\n    cancelAnalysis(id: $id) {\n      id\n      status\n      errorMessage\n      cancelledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      subscription FollowWorkspace($id: ID!) {\n        workspaceEvents(id: $id) {\n          kind\n          deletedId\n          dataset {\n            id\n            name\n            status\n          }\n          analysis {\n            id\n            status\n            qualityScore\n          }\n        }\n      }\n    "): (typeof documents)["\n      subscription FollowWorkspace($id: ID!) {\n        workspaceEvents(id: $id) {\n          kind\n          deletedId\n          dataset {\n            id\n            name\n            status\n          }\n          analysis {\n            id\n            status\n            qualityScore\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      subscription FollowAnalysis($id: ID!) {\n        analysisUpdated(id: $id) {\n          status\n          progress {\n            phase\n            percent\n          }\n          qualityScore\n        }\n      }\n    "): (typeof documents)["\n      subscription FollowAnalysis($id: ID!) {\n        analysisUpdated(id: $id) {\n          status\n          progress {\n            phase\n            percent\n          }\n          qualityScore\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token expiresAt user { id email fullName isActive } }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token expiresAt user { id email fullName isActive } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { email } }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut { logOut }\n"): (typeof documents)["\n  mutation LogOut { logOut }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { viewer { id email fullName } }\n"): (typeof documents)["\n  query Me { viewer { id email fullName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) { email fullName }\n  }\n"): (typeof documents)["\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) { email fullName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($password: String!) { deleteAccount(password: $password) }\n"): (typeof documents)["\n  mutation DeleteAccount($password: String!) { deleteAccount(password: $password) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInAs { viewer { id email } }\n"): (typeof documents)["\n  query SignedInAs { viewer { id email } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamWorkspace($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        members { totalCount edges { node { role user { email } } } }\n        datasets { totalCount edges { node { name uploader { email } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamWorkspace($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        members { totalCount edges { node { role user { email } } } }\n        datasets { totalCount edges { node { name uploader { email } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOwnUpload($id: ID!) { deleteDataset(id: $id) }\n"): (typeof documents)["\n  mutation DeleteOwnUpload($id: ID!) { deleteDataset(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceView($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        viewerRole\n        members { totalCount edges { node { role user { email } } } }\n        datasets { edges { node { name uploader { email } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceView($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        name\n        viewerRole\n        members { totalCount edges { node { role user { email } } } }\n        datasets { edges { node { name uploader { email } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameWorkspace($id: ID!, $name: String!) { updateWorkspace(id: $id, input: { name: $name }) { name } }\n"): (typeof documents)["\n  mutation RenameWorkspace($id: ID!, $name: String!) { updateWorkspace(id: $id, input: { name: $name }) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n"): (typeof documents)["\n  mutation RemoveWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDataset($id: ID!, $name: String!) { updateDataset(id: $id, input: { name: $name }) { name } }\n"): (typeof documents)["\n  mutation RenameDataset($id: ID!, $name: String!) { updateDataset(id: $id, input: { name: $name }) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDataset($id: ID!) { deleteDataset(id: $id) }\n"): (typeof documents)["\n  mutation RemoveDataset($id: ID!) { deleteDataset(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n"): (typeof documents)["\n  mutation RemoveAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Invite($input: InviteWorkspaceMemberInput!) { inviteWorkspaceMember(input: $input) { id email role workspaceName invitedByName } }\n"): (typeof documents)["\n  mutation Invite($input: InviteWorkspaceMemberInput!) { inviteWorkspaceMember(input: $input) { id email role workspaceName invitedByName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($id: ID!) { acceptWorkspaceInvitation(id: $id) { id role user { email } } }\n"): (typeof documents)["\n  mutation Accept($id: ID!) { acceptWorkspaceInvitation(id: $id) { id role user { email } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Decline($id: ID!) { removeWorkspaceInvitation(id: $id) }\n"): (typeof documents)["\n  mutation Decline($id: ID!) { removeWorkspaceInvitation(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($workspace: ID!) {\n    viewer { invitations { id email role workspaceName } }\n    node(id: $workspace) { __typename ... on Workspace { invitations { id email } } }\n  }\n"): (typeof documents)["\n  query Invitations($workspace: ID!) {\n    viewer { invitations { id email role workspaceName } }\n    node(id: $workspace) { __typename ... on Workspace { invitations { id email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeRole($id: ID!, $role: WorkspaceRole!) { updateWorkspaceMember(id: $id, input: { role: $role }) { role } }\n"): (typeof documents)["\n  mutation ChangeRole($id: ID!, $role: WorkspaceRole!) { updateWorkspaceMember(id: $id, input: { role: $role }) { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($id: ID!) { removeWorkspaceMember(id: $id) }\n"): (typeof documents)["\n  mutation RemoveMember($id: ID!) { removeWorkspaceMember(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation CreateOwned { createWorkspace(input: { name: \"Mine\" }) { viewerRole members { edges { node { role user { email } } } } } }\n    "): (typeof documents)["\n      mutation CreateOwned { createWorkspace(input: { name: \"Mine\" }) { viewerRole members { edges { node { role user { email } } } } } }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitationNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query InvitationNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpWithWorkspaces($input: SignUpInput!) {\n    signUp(input: $input) { token user { email workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n"): (typeof documents)["\n  mutation SignUpWithWorkspaces($input: SignUpInput!) {\n    signUp(input: $input) { token user { email workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInWithWorkspaces($input: LogInInput!) {\n    logIn(input: $input) { token user { workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n"): (typeof documents)["\n  mutation LogInWithWorkspaces($input: LogInInput!) {\n    logIn(input: $input) { token user { workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFirstWorkspace($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateFirstWorkspace($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoAmI { viewer { email } }\n"): (typeof documents)["\n  query WhoAmI { viewer { email } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDatasetFile($id: ID!) { deleteDataset(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDatasetFile($id: ID!) { deleteDataset(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkspaceFiles($id: ID!) { deleteWorkspace(id: $id) }\n"): (typeof documents)["\n  mutation DeleteWorkspaceFiles($id: ID!) { deleteWorkspace(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query ListedDatasets($id: ID!) {\n        node(id: $id) {\n          __typename\n          ... on Workspace {\n            datasets(first: 100) {\n              totalCount\n              edges {\n                node {\n                  name\n                  format\n                  rowCount\n                }\n              }\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query ListedDatasets($id: ID!) {\n        node(id: $id) {\n          __typename\n          ... on Workspace {\n            datasets(first: 100) {\n              totalCount\n              edges {\n                node {\n                  name\n                  format\n                  rowCount\n                }\n              }\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DeleteUploadedDataset($id: ID!) {\n        deleteDataset(id: $id)\n      }\n    "): (typeof documents)["\n      mutation DeleteUploadedDataset($id: ID!) {\n        deleteDataset(id: $id)\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DeleteUploadWorkspace($id: ID!) {\n        deleteWorkspace(id: $id)\n      }\n    "): (typeof documents)["\n      mutation DeleteUploadWorkspace($id: ID!) {\n        deleteWorkspace(id: $id)\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($n: Int!) {\n    viewer {\n      id\n      workspaces(first: $n) {\n        edges {\n          node {\n            id\n            name\n            datasets(first: $n) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  analyses(first: 3) {\n                    edges {\n                      node {\n                        id\n                        status\n                        qualityScore\n                        insights(first: 5) {\n                          totalCount\n                          edges { node { id severity type description } }\n                        }\n                        columnProfiles(first: 5) {\n                          edges { node { id columnName dataType nullCount } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($n: Int!) {\n    viewer {\n      id\n      workspaces(first: $n) {\n        edges {\n          node {\n            id\n            name\n            datasets(first: $n) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  analyses(first: 3) {\n                    edges {\n                      node {\n                        id\n                        status\n                        qualityScore\n                        insights(first: 5) {\n                          totalCount\n                          edges { node { id severity type description } }\n                        }\n                        columnProfiles(first: 5) {\n                          edges { node { id columnName dataType nullCount } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profiles($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        columnProfiles(first: 20) {\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n              mean\n              distributionData\n              distribution {\n                version\n                logicalType\n                missing { count share tokens { token count } }\n                numeric { stdDev skewness quantiles { p value label } }\n                histogram { kind bins { lower upper count } }\n                topValues { approximate values { value count share } }\n                patterns { shapes { pattern share } }\n                outliers { iqr { mild { lower upper count } } robustZ { threshold } }\n                approximateFields\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Profiles($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        columnProfiles(first: 20) {\n          edges {\n            node {\n              columnName\n              dataType\n              nullCount\n              mean\n              distributionData\n              distribution {\n                version\n                logicalType\n                missing { count share tokens { token count } }\n                numeric { stdDev skewness quantiles { p value label } }\n                histogram { kind bins { lower upper count } }\n                topValues { approximate values { value count share } }\n                patterns { shapes { pattern share } }\n                outliers { iqr { mild { lower upper count } } robustZ { threshold } }\n                approximateFields\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspaces($first: Int, $after: String, $last: Int, $before: String) {\n    viewer {\n      workspaces(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Workspaces($first: Int, $after: String, $last: Int, $before: String) {\n    viewer {\n      workspaces(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: DatasetFilter, $orderBy: DatasetOrder) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        datasets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n          totalCount\n          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n          edges { node { id name status } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Datasets($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: DatasetFilter, $orderBy: DatasetOrder) {\n    node(id: $id) {\n      __typename\n      ... on Workspace {\n        datasets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n          totalCount\n          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n          edges { node { id name status } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysisDetail($dataset: ID!, $analysis: ID!, $analysisFilter: AnalysisFilter, $insightFilter: InsightFilter, $first: Int, $after: String) {\n    dataset: node(id: $dataset) {\n      __typename\n      ... on Dataset {\n        analyses(filter: $analysisFilter) { totalCount edges { node { id goalType status } } }\n      }\n    }\n    analysis: node(id: $analysis) {\n      __typename\n      ... on Analysis {\n        insights(filter: $insightFilter, first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { severity type description } }\n        }\n        columnProfiles { totalCount edges { node { columnName } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalysisDetail($dataset: ID!, $analysis: ID!, $analysisFilter: AnalysisFilter, $insightFilter: InsightFilter, $first: Int, $after: String) {\n    dataset: node(id: $dataset) {\n      __typename\n      ... on Dataset {\n        analyses(filter: $analysisFilter) { totalCount edges { node { id goalType status } } }\n      }\n    }\n    analysis: node(id: $analysis) {\n      __typename\n      ... on Analysis {\n        insights(filter: $insightFilter, first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { severity type description } }\n        }\n        columnProfiles { totalCount edges { node { columnName } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpForFacts($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpForFacts($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspaceForFacts($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspaceForFacts($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAnalysisForFacts($datasetId: ID!) {\n    startAnalysis(datasetId: $datasetId, goalType: EXPLORATORY) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartAnalysisForFacts($datasetId: ID!) {\n    startAnalysis(datasetId: $datasetId, goalType: EXPLORATORY) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysisFacts($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        correlations {\n          pearson {\n            columns\n            coefficient\n            n\n          }\n          cramersV {\n            columns\n            cramersV\n            n\n          }\n          numericColumnsConsidered\n          categoricalColumnsConsidered\n        }\n        duplicateRows {\n          count\n          share\n          groups {\n            rows\n            count\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalysisFacts($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        correlations {\n          pearson {\n            columns\n            coefficient\n            n\n          }\n          cramersV {\n            columns\n            cramersV\n            n\n          }\n          numericColumnsConsidered\n          categoricalColumnsConsidered\n        }\n        duplicateRows {\n          count\n          share\n          groups {\n            rows\n            count\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpForAffectedRows($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpForAffectedRows($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspaceForAffectedRows($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspaceForAffectedRows($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAnalysisForAffectedRows($datasetId: ID!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY, options: $options) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartAnalysisForAffectedRows($datasetId: ID!, $options: StartAnalysisOptions) {\n    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY, options: $options) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsightsWithSql($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        columnProfiles(first: 100) {\n          edges {\n            node {\n              columnName\n            }\n          }\n        }\n        insights(first: 100) {\n          edges {\n            node {\n              id\n              columnName\n              evidence {\n                check\n                count\n                unit\n                approximate\n                examples {\n                  row\n                }\n              }\n              code {\n                sql {\n                  affectedRows\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InsightsWithSql($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        status\n        columnProfiles(first: 100) {\n          edges {\n            node {\n              columnName\n            }\n          }\n        }\n        insights(first: 100) {\n          edges {\n            node {\n              id\n              columnName\n              evidence {\n                check\n                count\n                unit\n                approximate\n                examples {\n                  row\n                }\n              }\n              code {\n                sql {\n                  affectedRows\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsightAffectedRows($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Insight {\n        affectedRows(first: $first, after: $after) {\n          columns\n          totalCount\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              row\n              values\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InsightAffectedRows($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Insight {\n        affectedRows(first: $first, after: $after) {\n          columns\n          totalCount\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n          edges {\n            cursor\n            node {\n              row\n              values\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysisInsightAffectedRows($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        insights(first: 100) {\n          edges {\n            node {\n              affectedRows(first: 1) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalysisInsightAffectedRows($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Analysis {\n        insights(first: 100) {\n          edges {\n            node {\n              affectedRows(first: 1) {\n                totalCount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeepestPage($first: Int!) {\n    viewer {\n      workspaces(first: $first) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            datasets(first: $first) {\n              pageInfo { hasNextPage endCursor }\n              edges {\n                cursor\n                node {\n                  analyses(first: $first) {\n                    pageInfo { hasNextPage endCursor }\n                    edges {\n                      cursor\n                      node {\n                        insights(first: $first) {\n                          totalCount\n                          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n                          edges { cursor node { id severity } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeepestPage($first: Int!) {\n    viewer {\n      workspaces(first: $first) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            datasets(first: $first) {\n              pageInfo { hasNextPage endCursor }\n              edges {\n                cursor\n                node {\n                  analyses(first: $first) {\n                    pageInfo { hasNextPage endCursor }\n                    edges {\n                      cursor\n                      node {\n                        insights(first: $first) {\n                          totalCount\n                          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n                          edges { cursor node { id severity } }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ids {\n    viewer {\n      id\n      workspaces(first: 1) {\n        edges {\n          node {\n            id\n            datasets(first: 1) {\n              edges {\n                node {\n                  id\n                  analyses(first: 1) {\n                    edges { node { id insights(first: 1) { edges { node { id } } } columnProfiles(first: 1) { edges { node { id } } } } }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Ids {\n    viewer {\n      id\n      workspaces(first: 1) {\n        edges {\n          node {\n            id\n            datasets(first: 1) {\n              edges {\n                node {\n                  id\n                  analyses(first: 1) {\n                    edges { node { id insights(first: 1) { edges { node { id } } } columnProfiles(first: 1) { edges { node { id } } } } }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { id name owner { id } createdAt datasets { totalCount } }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { id name owner { id } createdAt datasets { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {\n    updateWorkspace(id: $id, input: $input) { id name updatedAt }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {\n    updateWorkspace(id: $id, input: $input) { id name updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n"): (typeof documents)["\n  mutation DeleteWorkspace($id: ID!) { deleteWorkspace(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDataset($id: ID!, $input: UpdateDatasetInput!) {\n    updateDataset(id: $id, input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation UpdateDataset($id: ID!, $input: UpdateDatasetInput!) {\n    updateDataset(id: $id, input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n"): (typeof documents)["\n  mutation DeleteAnalysis($id: ID!) { deleteAnalysis(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalysesPage($id: ID!) {\n    node(id: $id) {\n      ... on Dataset {\n        analyses(first: 3) {\n          totalCount\n          edges {\n            node {\n              id\n              insights(first: 5) {\n                totalCount\n                pageInfo { hasNextPage }\n                edges { node { id severity } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalysesPage($id: ID!) {\n    node(id: $id) {\n      ... on Dataset {\n        analyses(first: 3) {\n          totalCount\n          edges {\n            node {\n              id\n              insights(first: 5) {\n                totalCount\n                pageInfo { hasNextPage }\n                edges { node { id severity } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;