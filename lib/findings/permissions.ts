import type { MemberRole } from "../db/generated/enums";
import { hasRole } from "../projects/permissions";

// The report is the team's: owners and analysts write findings (anyone's, not only their
// own, since a finding is edited as the analysis moves); viewers read the report.
export const FINDINGS_EDITOR: MemberRole = "analyst";

export const canEditFindings = (role: MemberRole) => hasRole(role, FINDINGS_EDITOR);
