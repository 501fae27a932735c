/**
 * How the lifecycles read errors from the client. The client's one error type
 * carries the Google status; these predicates keep lifecycles free of HTTP.
 */
interface ApiErrorShape {
  status?: string;
  /** Set by the client when the request may have been processed (timeout, lost response, 5xx). */
  outcomeUnknown?: boolean;
}

function shape(err: unknown): ApiErrorShape {
  return (err && typeof err === "object" ? err : {}) as ApiErrorShape;
}

export function isNotFound(err: unknown): boolean {
  return shape(err).status === "NOT_FOUND";
}

export function isAlreadyExists(err: unknown): boolean {
  return shape(err).status === "ALREADY_EXISTS";
}

/**
 * A CreateCustomer failure after which the customer may or may not exist: a
 * timeout, a lost response, a server error. The client knows which failures
 * those are; anything else (a refusal, a bug) created nothing.
 */
export function isAmbiguous(err: unknown): boolean {
  return shape(err).outcomeUnknown === true;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * An error carrying an id makes the engine record a partially created
 * resource: the next `up` runs `update`, which finishes the job instead of
 * creating the customer again.
 */
export function partialCreate(id: string, properties: Record<string, unknown>, message: string): Error {
  return Object.assign(new Error(message), { id, properties, reasons: [message] });
}
