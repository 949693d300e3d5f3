import { randomBytes } from "node:crypto";
import { hashPassword } from "../../auth/password";

/**
 * REFI-QDA users have a name (and an optional id), not an e-mail, so most cannot be matched
 * to an account. Each becomes a placeholder coder of the imported project: an account that
 * cannot sign in (disabled, with the hash of a random password nobody ever sees), named as
 * in the file, with an address under the reserved .invalid top-level domain (RFC 2606), so it
 * can never receive mail nor clash with a real person's account. Placeholders are made per
 * import (the project id is in the address): one file's "Anna" is not another file's.
 */
export function placeholderEmail(refiUser: string, projectId: string): string {
  const local = refiUser.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 50);
  const domain = projectId.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 60);
  return `refi-${local}@${domain}.placeholder.grounded.invalid`;
}

/**
 * One hash per import serves all its placeholders: the password is random and thrown away,
 * and argon2 is deliberately slow, so a file listing thousands of users must not cost
 * thousands of hashes.
 */
export function placeholderPasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}
