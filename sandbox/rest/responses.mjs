/**
 * Response builders with Zendesk's documented error bodies:
 * `{error, description}` and, for 422, `details: {field: [{description, error}]}`.
 */

/** @typedef {{status: number, headers: Record<string,string>, body: unknown}} ApiResponse */

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** @returns {ApiResponse} */
export function json(body, status = 200, headers = {}) {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

export const created = (body) => json(body, 201);

/** @returns {ApiResponse} */
export const noContent = () => ({ status: 204, headers: {}, body: null });

export const notFound = () => json({ error: 'RecordNotFound', description: 'Not found' }, 404);

export const invalidEndpoint = () => json({ error: 'InvalidEndpoint', description: 'Not found' }, 404);

export const unauthorized = () => json({ error: "Couldn't authenticate you" }, 401);

export const forbidden = () =>
  json(
    {
      error: 'Forbidden',
      description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    },
    403,
  );

/** @param {Record<string, Array<{description: string, error: string}>>} details */
export const recordInvalid = (details) =>
  json({ error: 'RecordInvalid', description: 'Record validation errors', details }, 422);

export const updateConflict = () =>
  json(
    {
      error: 'UpdateConflict',
      description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
    },
    409,
  );

/** @param {number} retryAfterSeconds */
export const tooManyRequests = (retryAfterSeconds) =>
  json(
    { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' },
    429,
    { 'retry-after': String(retryAfterSeconds) },
  );

export const badRequest = (error, description) => json({ error, description }, 400);

export const serverError = (status = 500) =>
  json({ error: 'InternalError', description: 'Something went wrong. Please try again.' }, status);

/** The error body a fault of this status gets (faults injected through /__sandbox/faults). */
export function errorForStatus(status, retryAfter) {
  switch (status) {
    case 400: return badRequest('BadRequest', 'Bad request');
    case 401: return unauthorized();
    case 403: return forbidden();
    case 404: return notFound();
    case 409: return updateConflict();
    case 422: return recordInvalid({ base: [{ description: 'Injected validation failure', error: 'InvalidValue' }] });
    case 429: return tooManyRequests(retryAfter ?? 1);
    default: {
      const response = serverError(status);
      if (retryAfter !== undefined) response.headers['retry-after'] = String(retryAfter);
      return response;
    }
  }
}

/** Thrown by handlers; the router turns it into its response. */
export class ApiError extends Error {
  /** @param {ApiResponse} response */
  constructor(response) {
    super(`API error ${response.status}`);
    this.response = response;
  }
}

/** `throw fail(notFound())` */
export const fail = (response) => new ApiError(response);

/** 422 for one field. */
export function invalidField(field, description, error = 'InvalidValue') {
  return fail(recordInvalid({ [field]: [{ description, error }] }));
}
