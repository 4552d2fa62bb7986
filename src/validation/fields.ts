// The seed's Pydantic field rules as zod schemas, shared by every input that
// carries the field.
import { z } from 'zod';

/** Names of workspaces, datasets and people: trimmed, 1–255 characters (the columns are VARCHAR(255)). */
export const name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

/** Stored lower-case, so addresses compare case-insensitively. */
export const email = z.string().trim().max(255, 'must be at most 255 characters').pipe(z.email('must be a valid email address')).transform((v) => v.toLowerCase());

export const password = z.string().min(8, 'must be at least 8 characters').max(1024, 'must be at most 1024 characters');
