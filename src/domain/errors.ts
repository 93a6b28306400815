/**
 * A broken business rule. `code` is stable (clients and tests match on it); `rule` names
 * the DOMAIN.md rule it enforces (e.g. 'T17', 'V1', 'S4 §十') where there is one.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: { readonly field?: string; readonly rule?: string; readonly [k: string]: unknown } = {},
  ) {
    super(message);
  }
}

export const fail = (code: string, message: string, details?: DomainError['details']): never => {
  throw new DomainError(code, message, details);
};
