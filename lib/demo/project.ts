import type { DemoCase } from "./files";

export const DEMO_PROJECT_NAME = "Why TensorFlow projects run on AWS (demo)";

/** Copies loaded on demand (npm run db:seed) are told apart by a number. */
export function demoProjectName(copyNumber: number): string {
  return copyNumber <= 1 ? DEMO_PROJECT_NAME : `Why TensorFlow projects run on AWS (demo, copy ${copyNumber})`;
}

export const DEMO_PROJECT_DESCRIPTION = [
  "A demo study: 32 interviews with deep-learning practitioners (late 2017) on why their TensorFlow projects run on AWS, after a published industry report (Nucleus Research).",
  "The transcripts are synthetic reconstructions, written to be consistent with the published report (its project counts and the quotations it printed); they are not the real interviews, and the people and organisations in them are invented.",
  "Two analysts' reference coding (A and B) is included so that agreement and findings can be explored.",
].join("\n\n");

/**
 * The audit event that marks a project as made by the demo loader. Project names and
 * descriptions are the users' to edit, so the mark lives in the audit log instead; it goes
 * when the project is deleted (cascade), and a later load then creates the demo again.
 */
export const DEMO_LOADED_ACTION = "project.load_demo";

const TITLE_MAX = 70;

/** "P14 — SaaS decisioning platform for marketing and creative teams": the organisation up to its first aside. */
export function documentTitle(demoCase: DemoCase): string {
  let organisation = demoCase.row.organisation.trim().split(/\s*[(:;,]\s*|\s+[—–-]\s+/)[0].trim();
  if (organisation.length > TITLE_MAX) organisation = `${organisation.slice(0, TITLE_MAX).replace(/\s+\S*$/, "")}…`;
  return `${demoCase.name} — ${organisation}`;
}

export function caseDescription(demoCase: DemoCase): string {
  const { respondent_role: role, organisation } = demoCase.row;
  return `${demoCase.respondents.join(", ")}: ${role.trim()}. ${organisation.trim()}.`;
}
