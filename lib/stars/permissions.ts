import type { MemberRole } from "../db/generated/enums";
import { hasRole } from "../projects/permissions";

// A star is the team's, not its author's: any owner or analyst may star or unstar any
// passage they can see (who starred it is kept); viewers see the stars but cannot change them.
export const STAR_EDITOR: MemberRole = "analyst";

export const canStar = (role: MemberRole) => hasRole(role, STAR_EDITOR);
