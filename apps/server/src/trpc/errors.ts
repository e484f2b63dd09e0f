import { GridHaulError, InputError } from '@gridhaul/common';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ErrorTag } from '../errors';

/** The one table from domain error tags to tRPC codes (and so to HTTP statuses). */
const CODE_FOR_TAG: Record<string, TRPC_ERROR_CODE_KEY> = {
  INVALID_INPUT: 'BAD_REQUEST',
  [ErrorTag.unknownProblemType]: 'BAD_REQUEST',
  [ErrorTag.notFound]: 'NOT_FOUND',
  [ErrorTag.conflict]: 'CONFLICT',
  [ErrorTag.unauthorized]: 'UNAUTHORIZED',
  [ErrorTag.forbidden]: 'FORBIDDEN',
  [ErrorTag.tooLarge]: 'PAYLOAD_TOO_LARGE',
  [ErrorTag.jobNotFinished]: 'PRECONDITION_FAILED',
};

export function codeForTag(tag: string): TRPC_ERROR_CODE_KEY {
  // Any other domain error is a well-formed request the domain refused (e.g. an infeasible model).
  return CODE_FOR_TAG[tag] ?? 'UNPROCESSABLE_CONTENT';
}

export function toTRPCError(error: GridHaulError): TRPCError {
  return new TRPCError({ code: codeForTag(error.tag), message: error.message, cause: error });
}

/** One problem in a request: where (dotted path) and what. */
export interface Problem {
  field: string;
  message: string;
}

/** Schema validation failure as the list of every problem, field paths dotted (`vehicles.2.massKg`). */
function issueProblems(cause: unknown): Problem[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((i: { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message?: string }) => ({
    field: (i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || '(input)',
    message: i.message ?? 'invalid',
  }));
}

/** The `data` every error response carries besides tRPC's own: a stable tag, the field, all problems. */
export function errorData(error: TRPCError): { tag: string; field: string | null; problems: Problem[] } {
  const cause = error.cause;
  if (cause instanceof InputError) {
    const problems = (cause as InputError & { problems?: Problem[] }).problems ?? [{ field: cause.field, message: cause.message }];
    return { tag: cause.tag, field: cause.field, problems };
  }
  if (cause instanceof GridHaulError) return { tag: cause.tag, field: null, problems: [] };
  const problems = error.code === 'BAD_REQUEST' ? issueProblems(cause) : null;
  if (problems) return { tag: 'INVALID_INPUT', field: problems[0]?.field ?? null, problems };
  return { tag: error.code, field: null, problems: [] };
}
