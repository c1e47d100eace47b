/**
 * The one result type for code that can fail on bad input: parsers, importers and checks return
 * a value or an error instead of throwing (Recogito's W3C adapter does the same), so a caller
 * decides what the user sees and nothing is half done.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E = string>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
