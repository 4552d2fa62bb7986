// The seed's Pydantic field rules as zod schemas, shared by every input that
// carries the field.
import { z } from 'zod';
import { weakPasswordReason } from './password-strength.js';

/** Names of workspaces, datasets and people: trimmed, 1–255 characters (the columns are VARCHAR(255)), no control characters. */
export const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  // PostgreSQL text cannot hold NUL, and no name needs a control character.
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** Stored lower-case, so addresses compare case-insensitively. */
export const email = z
  .string()
  .trim()
  .max(255, 'must be at most 255 characters')
  .pipe(z.email('must be a valid email address'))
  .transform((v) => v.toLowerCase());

/** A new password: long enough, and not among the first guesses (the account's email is checked where it is known). */
export const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(1024, 'must be at most 1024 characters')
  .superRefine((value, ctx) => {
    if (value.length < 8 || value.length > 1024) return; // said above already
    const reason = weakPasswordReason(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });
