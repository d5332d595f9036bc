import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Parses untrusted input with a shared schema; the first problem becomes a
 * `VALIDATION_ERROR` naming the field, with the schema's French message.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message =
    issue?.code === 'invalid_type' && issue.input === undefined && field
      ? `Champ obligatoire : ${field}.`
      : (issue?.message ?? 'Requête invalide.');
  return throwValidation(message, field);
}

function throwValidation(message: string, field: string | undefined): never {
  throw new AppError('VALIDATION_ERROR', message, field === undefined ? {} : { field });
}
