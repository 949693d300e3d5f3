import type { MemberRole } from "../db/generated/enums";

// Viewers read; analysts also code; owners also manage members and the codebook.
const RANK: Record<MemberRole, number> = { viewer: 0, analyst: 1, owner: 2 };

export function hasRole(role: MemberRole, atLeast: MemberRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const canCode = (role: MemberRole) => hasRole(role, "analyst");
export const canManageProject = (role: MemberRole) => hasRole(role, "owner");

// Copying a codebook into a new project: someone who works in the source project, the same
// people the "New project" form offers it to.
export const canCopyCodebookFrom = (role: MemberRole) => hasRole(role, "analyst");
