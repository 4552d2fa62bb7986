// Global IDs: base64 of "Type:id", one spelling per object. Anything else —
// not base64 text of that shape, a type that is not a node, or an id that is
// not the canonical decimal of a stored key (`05`, `+5`, `5e0`, `1 OR 1=1`,
// 99999999999999999999) — is refused before any lookup runs.
import { AppError } from '../errors.js';

export const nodeTypes = new Set([
  'User',
  'Workspace',
  'WorkspaceMember',
  'WorkspaceInvitation',
  'Dataset',
  'DatasetVersion',
  'Analysis',
  'ColumnProfile',
  'Insight',
]);

const maxKey = 2_147_483_647; // the id columns are PostgreSQL integers
const canonicalKey = /^[1-9]\d{0,9}$/;

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const text = /^[A-Za-z0-9+/_-]+={0,2}$/.test(globalID) ? Buffer.from(globalID, 'base64').toString('utf8') : '';
  const separator = text.indexOf(':');
  const typename = text.slice(0, separator);
  const id = text.slice(separator + 1);
  if (separator < 1 || !nodeTypes.has(typename)) {
    throw new AppError('VALIDATION_FAILED', `Invalid global ID "${globalID.slice(0, 100)}": not an ID of this API`);
  }
  if (!canonicalKey.test(id) || Number(id) > maxKey) throw new AppError('NOT_FOUND', `${typename} not found`);
  return { typename, id };
}

export const encodeGlobalID = (typename: string, id: number | string) => Buffer.from(`${typename}:${id}`).toString('base64');
