import { describe, expect, it } from "vitest";
import { packWorkspaceRows, unpackWorkspaceRows, type WorkspaceCoding, type WorkspaceTurn } from "../../../lib/codings/view";

const turns: WorkspaceTurn[] = [
  { speaker: "Interviewer", role: "interviewer", start: 13, end: 157, timestampMs: null },
  { speaker: "Dr. Miriam Okafor", role: "respondent", start: 178, end: 895, timestampMs: 61_500 },
  { speaker: "Interviewer", role: "interviewer", start: 910, end: 996, timestampMs: 120_000 },
  // The same name in another role is another speaker.
  { speaker: "Interviewer", role: "respondent", start: 1000, end: 1010, timestampMs: 0 },
];

const coding = (id: string, codeId: string, coderId: string, name: string, memo = ""): WorkspaceCoding => ({
  id,
  codeId,
  coderId,
  start: 20,
  end: 40,
  memo,
  version: 3,
  updatedAt: new Date("2026-03-01T10:11:12.345Z"),
  coder: { name },
});

describe("the workspace's packed turns and codings", () => {
  it("unpack to exactly what was packed", () => {
    const codings = [
      coding("c1", "code-a", "ana", "Ana Analyst", 'A memo with "quotes",\na new line and 🙂'),
      coding("c2", "code-b", "ben", "Ben"),
      coding("c3", "code-a", "ana", "Ana Analyst"),
    ];
    const back = unpackWorkspaceRows(packWorkspaceRows(turns, codings));
    expect(back.turns).toEqual(turns);
    expect(back.codings).toEqual(codings);
    expect(back.codings[0].updatedAt.getTime()).toBe(codings[0].updatedAt.getTime());
  });

  it("handles a document with no turns and no codings", () => {
    expect(unpackWorkspaceRows(packWorkspaceRows([], []))).toEqual({ turns: [], codings: [] });
  });

  it("writes each code, coder and speaker once", () => {
    const codings = Array.from({ length: 50 }, (_, i) => coding(`c${i}`, "a-long-code-identifier", "a-long-coder-identifier", "Ana Analyst"));
    const packed = packWorkspaceRows(turns, codings);
    expect(packed.codings.split("a-long-code-identifier").length - 1).toBe(1);
    expect(packed.codings.split("Ana Analyst").length - 1).toBe(1);
    expect(packed.turns.split("Dr. Miriam Okafor").length - 1).toBe(1);
  });
});
