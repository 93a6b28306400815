/**
 * Quotes a schema (or other) name for SQL text. Schema names are parameters of every statement
 * (tests run side by side in schemas of their own) but cannot be bound, so only plain lower-case
 * identifiers are accepted and anything else is refused rather than escaped.
 */
export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe schema name "${name}"`);
  return `"${name}"`;
};
