import type { MemberRole } from "../db/generated/enums";
import { hasRole } from "../projects/permissions";
import type { AgreementScope } from "./schema";

/**
 * Who may do what in the rigour tools (pure functions of role, shared by actions, pages and
 * UI). Reading figures or passages is further limited by blind mode (blind.ts).
 */

/** Owners decide who codes what and when analysts see each other's codings. */
export const canAssign = (role: MemberRole) => hasRole(role, "owner");
export const canSetBlindMode = (role: MemberRole) => hasRole(role, "owner");

/** Anyone who codes has a queue (owners can assign documents to themselves). */
export const hasQueue = (role: MemberRole) => hasRole(role, "analyst");

/**
 * Adjudication writes the consensus layer: owners, and analysts on documents that are not
 * blind for them (checked per document in adjudication.ts). Viewers read only.
 */
export const canAdjudicate = (role: MemberRole) => hasRole(role, "analyst");

/** Agreement over every coded document (not only those marked done) is an owner's call. */
export const mayUseScope = (role: MemberRole, scope: AgreementScope) => scope === "done" || hasRole(role, "owner");
