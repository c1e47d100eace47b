/**
 * Why the server refused something: the codes and their `code: text` form are the protocol's
 * (shared/protocol/reasons.ts); here, the error that carries one out of a Hocuspocus hook.
 */
import { reasonText, type ReasonCode } from '../../shared/protocol/reasons';

export { REASONS, reasonCode, reasonText, type ReasonCode } from '../../shared/protocol/reasons';

/** An error Hocuspocus turns into a refusal: it sends `reason` and closes with `code`. */
export class Refusal extends Error {
  readonly reason: string;
  constructor(
    readonly reasonCode: ReasonCode,
    readonly code = 4403,
  ) {
    super(reasonText(reasonCode));
    this.reason = reasonText(reasonCode);
  }
}
