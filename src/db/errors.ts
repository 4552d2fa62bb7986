// Turns database failures into the API's error model, so raw database text
// never reaches a client: the seed's "Error Handling" section.
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';

// Constraint names (from the migrations) that carry a domain meaning.
const constraintMessages: Record<string, AppError> = {
  users_email_key: new AppError('CONFLICT', 'Email already exists'),
  analyses_quality_score_range: new AppError('VALIDATION_FAILED', 'Quality score must be between 0 and 100', [
    { path: ['qualityScore'], message: 'must be between 0 and 100' },
  ]),
  workspace_members_workspace_id_user_id_key: new AppError('CONFLICT', 'This user is already a member of the workspace'),
  users_email_lowercase: new AppError('VALIDATION_FAILED', 'Email must be stored in lower case'),
  datasets_uploaded_by_fkey: new AppError(
    'CONFLICT',
    'This user still has datasets uploaded to workspaces they do not own; delete those datasets first',
  ),
};

const humanModel = (model: unknown) =>
  typeof model === 'string' ? model.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) : 'Record';

function mentionedConstraint(error: Prisma.PrismaClientKnownRequestError): AppError | undefined {
  const text = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
  return Object.entries(constraintMessages).find(([name]) => text.includes(name))?.[1];
}

/** The AppError a database failure means, or undefined when it means a bug. */
export function toAppError(error: unknown, operation: string, model?: string): AppError | undefined {
  if (error instanceof AppError) return error;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const known = mentionedConstraint(error);
  switch (error.code) {
    case 'P2002': {
      if (known) return known;
      const target = (error.meta?.target ??
        (error.meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } } | undefined)?.cause?.constraint
          ?.fields) as unknown;
      const fields = Array.isArray(target) ? target.join(', ') : 'value';
      return new AppError('CONFLICT', `${humanModel(model)} with this ${fields} already exists`);
    }
    case 'P2003':
      if (known) return known;
      // On delete, a foreign key failure means "still referenced"; otherwise the parent is missing.
      return operation.startsWith('delete')
        ? new AppError('CONFLICT', `${humanModel(model)} is still referenced and cannot be deleted`)
        : new AppError('NOT_FOUND', `The ${humanModel(model).toLowerCase()}'s parent record was not found`);
    case 'P2025':
      return new AppError('NOT_FOUND', `${humanModel(model)} not found`);
    default:
      return known;
  }
}
