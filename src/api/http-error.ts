/** An error the API raises itself (auth, headers, references): status, stable code, field and rule. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 422 | 503,
    readonly code: string,
    message: string,
    readonly extra: { readonly field?: string; readonly rule?: string; readonly [k: string]: unknown } = {},
  ) {
    super(message);
  }
}
