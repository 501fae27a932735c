/** Google-style API errors: `{"error": {code, message, status, details}}`. */

export const STATUS_CODES = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type GoogleStatus = keyof typeof STATUS_CODES;

export type ErrorDetail = Record<string, unknown>;

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly status: GoogleStatus,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.code = STATUS_CODES[status];
  }

  body(): { error: { code: number; message: string; status: string; details?: ErrorDetail[] } } {
    const error = { code: this.code, message: this.message, status: this.status };
    return { error: this.details.length ? { ...error, details: this.details } : error };
  }
}

const ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

export function errorInfo(reason: string, metadata: Record<string, string>): ErrorDetail {
  return { "@type": ERROR_INFO, reason, domain: "googleapis.com", metadata };
}

/** Messages name the field, never its value: request values can be secrets (SSO XML, keys). */
export function invalidArgument(field: string, description: string): ApiError {
  return new ApiError("INVALID_ARGUMENT", `Invalid value for field "${field}": ${description}`, [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field, description }] },
  ]);
}

export function notFound(what: string): ApiError {
  return new ApiError("NOT_FOUND", `${what} not found`);
}

export function alreadyExists(what: string): ApiError {
  return new ApiError("ALREADY_EXISTS", `${what} already exists`);
}

export function statusForCode(code: number): GoogleStatus {
  const hit = (Object.keys(STATUS_CODES) as GoogleStatus[]).find((s) => STATUS_CODES[s] === code);
  return hit ?? "INTERNAL";
}
