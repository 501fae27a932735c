/**
 * A transient failure (rate limit, 5xx, lost connection, timeout) that outlived
 * the client's retries leaves nothing a rerun cannot finish: every call but
 * CreateCustomer sets a state or reads, and CreateCustomer records a partial
 * create. The error says so, so that a pipeline operator knows what to do.
 */
interface TransientShape {
  retryable?: unknown;
  outcomeUnknown?: unknown;
}

export const RERUN_IS_SAFE =
  "Nothing was left half-done: running the same pulumi command again is safe, and retries what failed without duplicating anything.";

/** Appends RERUN_IS_SAFE to a transient error's message (once); any other error is returned as it is. */
export function withRerunNote<E>(err: E): E {
  if (!(err instanceof Error)) return err;
  const shape = err as Error & TransientShape;
  if (shape.retryable !== true && shape.outcomeUnknown !== true) return err;
  if (/again is safe/.test(err.message)) return err;
  err.message = `${err.message} ${RERUN_IS_SAFE}`;
  return err;
}
