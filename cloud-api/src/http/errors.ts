/**
 * Every error leaves the API as `{ error: { code, message, details? } }` (ApiError in
 * @flowstage/shared). Client mistakes are 4xx with a stable `code`; only our own faults
 * are 500, and their message never reveals internals.
 */
import type { ApiError } from '@flowstage/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiHttpError';
  }
}

export const unauthorized = (code = 'unauthorized', message = 'Authentication required') =>
  new ApiHttpError(401, code, message);
export const forbidden = (message: string) => new ApiHttpError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiHttpError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new ApiHttpError(409, code, message);

export function errorBody(code: string, message: string, details?: unknown): ApiError {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** A zod issue as reported to clients: where, what, and why (never the rejected value). */
export interface IssueDetail {
  path: string;
  code: string;
  message: string;
}

const CONTEXT_CODES: Record<string, string> = {
  body: 'invalid_body',
  params: 'invalid_params',
  querystring: 'invalid_query',
  headers: 'invalid_headers',
};

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the request body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_body', message: 'The JSON request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_body', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_body',
    message: 'Content-Length does not match the request body',
  },
};

function toApiError(err: FastifyError | Error): { status: number; body: ApiError } {
  if (err instanceof ApiHttpError) {
    return { status: err.statusCode, body: errorBody(err.code, err.message, err.details) };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as FastifyError).validationContext ?? 'body';
    const issues: IssueDetail[] = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      code: v.keyword,
      message: v.message ?? 'is invalid',
    }));
    const where = context === 'querystring' ? 'query string' : context;
    return {
      status: 400,
      body: errorBody(CONTEXT_CODES[context] ?? 'invalid_request', `The request ${where} is invalid`, {
        issues,
      }),
    };
  }
  const fastifyErr = err as FastifyError;
  const status = fastifyErr.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = fastifyErr.code ? FASTIFY_CODES[fastifyErr.code] : undefined;
    if (known) return { status, body: errorBody(known.code, known.message) };
    if (err instanceof SyntaxError) {
      return { status: 400, body: errorBody('invalid_body', 'The request body is not valid JSON') };
    }
    return { status, body: errorBody('bad_request', err.message) };
  }
  return { status: 500, body: errorBody('internal_error', 'Something went wrong on our side') };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toApiError(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    if (err instanceof ApiHttpError && err.headers) reply.headers(err.headers);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}
