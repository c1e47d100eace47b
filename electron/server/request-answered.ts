/**
 * How an onRequest hook tells Hocuspocus that it has answered a request: Hocuspocus stops its
 * chain, and writes no answer of its own, when a hook rejects without an error (its
 * Server.requestHandler rethrows only a real error). Named here once, instead of `throw null`.
 */
export function requestAnswered(): Promise<never> {
  return Promise.reject(undefined);
}
