import type { MemberRole } from "../../db/generated/enums";

/**
 * What a restore did, for the UI and the CLI: the new project, what it holds, and who each
 * person of the backup became: "you" (the restorer, by e-mail), "account" (an account of
 * this server with their e-mail; only for an archive this server signed, signature.ts) or
 * "placeholder" (a named coder who cannot sign in, as REFI-QDA imports make).
 */
export type RestoredUser = { name: string; email: string; kind: "you" | "account" | "placeholder"; role: MemberRole | null };

export type RestoreSummary = {
  fileName: string;
  projectId: string;
  projectName: string;
  /** When the backup was made. */
  backupCreatedAt: string;
  /** Signed by this server and unchanged: people were matched to accounts by e-mail. */
  signed: boolean;
  counts: Record<string, number>;
  users: RestoredUser[];
  warnings: string[];
};
