import type { WorkspaceCoding } from "@/lib/codings/view";
import type { Workspace } from "@/lib/codings/data";

export type Coding = WorkspaceCoding;
export type Code = Workspace["codes"][number];
export type Turn = Workspace["document"]["turns"][number];
export type Coder = { id: string; name: string };

/** Which codings the transcript shows. */
export type CoderFilter = { kind: "mine" } | { kind: "all" } | { kind: "coder"; coderId: string };

/** A passage waiting for codes: the snapped selection, in code points. */
export type PendingSelection = { start: number; end: number; rect: { top: number; left: number; bottom: number } };
