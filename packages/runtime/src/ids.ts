import { notFound } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isId = (id: string): boolean => UUID.test(id);

/** Ids from outside are checked before they reach a uuid column, so a typo
 * reads "not found" instead of a database error. */
export function requireId(id: string, what: string): string {
  if (!UUID.test(id)) throw notFound(`${what} "${id}"`);
  return id;
}
