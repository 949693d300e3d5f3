import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A row id chosen before the insert, for rows that must be referred to before they exist
 * (a restore's bulk inserts, a job locked before its row is written): "c" and 24 random
 * base-36 characters (about 124 bits), the look of the cuid ids Prisma gives every other row.
 */
export function newRowId(): string {
  let id = "c";
  for (const byte of randomBytes(24)) id += ALPHABET[byte % 36];
  return id;
}
