import type { MemberRole } from "../../db/generated/enums";

/** Who may correct transcripts: owners always; analysts when the project's owners allow it (the default). */
export function mayCorrect(role: MemberRole, correctionRole: MemberRole): boolean {
  return role === "owner" || (role === "analyst" && correctionRole === "analyst");
}

/** A review flag is settled by the analyst whose coding it is, or an owner; consensus flags by owners. */
export function mayResolve(viewer: { id: string; role: MemberRole }, flag: { kind: string; coderId: string | null }): boolean {
  if (viewer.role === "owner") return true;
  return viewer.role === "analyst" && flag.kind === "coding" && flag.coderId === viewer.id;
}
