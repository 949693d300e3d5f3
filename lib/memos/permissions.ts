import type { MemberRole } from "../db/generated/enums";
import { hasRole } from "../projects/permissions";

// Analysts and owners write memos; each edits only their own (a memo is someone's thinking);
// an owner may also delete anyone's, to tidy the project. Viewers read.
export const canWriteMemo = (role: MemberRole) => hasRole(role, "analyst");
export const canEditMemo = (role: MemberRole, readerId: string, authorId: string) => canWriteMemo(role) && readerId === authorId;
export const canDeleteMemo = (role: MemberRole, readerId: string, authorId: string) => hasRole(role, "owner") || canEditMemo(role, readerId, authorId);
