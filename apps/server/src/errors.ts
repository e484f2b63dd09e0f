import { GridHaulError } from '@gridhaul/common';

/** Stable tags of the service's own errors (InputError from @gridhaul/common is INVALID_INPUT). */
export const ErrorTag = {
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  tooLarge: 'PAYLOAD_TOO_LARGE',
  unknownProblemType: 'UNKNOWN_PROBLEM_TYPE',
  jobNotFinished: 'JOB_NOT_FINISHED',
} as const;

export class NotFoundError extends GridHaulError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(ErrorTag.notFound, `${entity} ${JSON.stringify(id)} does not exist`);
  }
}

/** The request collides with stored data: a duplicate name, or a record still in use. */
export class ConflictError extends GridHaulError {
  constructor(message: string, options?: ErrorOptions) {
    super(ErrorTag.conflict, message, options);
  }
}

export class UnauthorizedError extends GridHaulError {
  constructor(message = 'this call needs a valid API key (header "Authorization: Bearer <key>")') {
    super(ErrorTag.unauthorized, message);
  }
}
