import type { MemberRole } from "../db/generated/enums";
import type { Coder } from "./reference-coding";

export const DEMO_PASSWORD = "grounded-demo";

export type DemoLogin = { email: string; name: string; role: MemberRole; password: string; coder: Coder | null };

/** The demo's accounts; analysts A and B are the two reference coders of the data files. */
export const demoLogins: readonly DemoLogin[] = [
  { email: "owner@demo.grounded.test", name: "Olivia Owner", role: "owner", password: DEMO_PASSWORD, coder: null },
  { email: "analyst-a@demo.grounded.test", name: "Ana Analyst (A)", role: "analyst", password: DEMO_PASSWORD, coder: "A" },
  { email: "analyst-b@demo.grounded.test", name: "Ben Analyst (B)", role: "analyst", password: DEMO_PASSWORD, coder: "B" },
  { email: "viewer@demo.grounded.test", name: "Vic Viewer", role: "viewer", password: DEMO_PASSWORD, coder: null },
];
