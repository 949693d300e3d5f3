import { describe, expect, it } from "vitest";
import { checkFigure, type ProjectAttribute, type ProjectCode } from "../../../lib/findings/check-figure";
import { findingFigureSchema } from "../../../lib/findings/figure";

const codes: ProjectCode[] = [
  { id: "parent", name: "Why AWS", deletedAt: null, liveChildren: 2 },
  { id: "leaf", name: "Cost", deletedAt: null, liveChildren: 0 },
  { id: "gone", name: "Old", deletedAt: new Date(), liveChildren: 0 },
];
const attributes: ProjectAttribute[] = [
  { id: "projects", name: "projects", type: "number", categories: [] },
  { id: "sector", name: "sector", type: "category", categories: ["academia", "startup"] },
  { id: "remote", name: "remote", type: "boolean", categories: [] },
];
const rows = { codes, attributes };
const figure = (f: unknown) => findingFigureSchema.parse(f);
const code = (f: unknown, stated: number | null = null) => checkFigure(f === null ? null : figure(f), stated, rows)?.code ?? null;

describe("checking a figure against the project's rows", () => {
  it("accepts figures the rows support", () => {
    expect(code({ kind: "interview-share", codeId: "leaf", filter: [{ attributeId: "sector", op: "in", values: ["academia"] }] }, 0.5)).toBeNull();
    expect(code({ kind: "attribute-ratio", numerator: ["projects"], denominator: ["projects"], filter: [{ attributeId: "remote", op: "eq", value: true }] })).toBeNull();
    expect(code({ kind: "code-ranking", parentCodeId: "parent", filter: [{ attributeId: "projects", op: "gte", value: 3 }] })).toBeNull();
    expect(code(null)).toBeNull();
  });

  it("answers NOT_FOUND for a code or attribute that is not among the project's", () => {
    expect(code({ kind: "interview-share", codeId: "elsewhere" })).toBe("NOT_FOUND");
    expect(code({ kind: "attribute-ratio", numerator: ["elsewhere"], denominator: ["projects"] })).toBe("NOT_FOUND");
    expect(code({ kind: "interview-share", codeId: "leaf", filter: [{ attributeId: "elsewhere", op: "eq", value: "x" }] })).toBe("NOT_FOUND");
  });

  it("answers VALIDATION for what the project's own rows cannot do", () => {
    expect(code({ kind: "interview-share", codeId: "gone" })).toBe("VALIDATION");
    expect(code({ kind: "code-ranking", parentCodeId: "leaf" })).toBe("VALIDATION");
    expect(code({ kind: "code-ranking", parentCodeId: "parent" }, 0.5)).toBe("VALIDATION");
    expect(code(null, 0.5)).toBe("VALIDATION");
    expect(code({ kind: "attribute-ratio", numerator: ["sector"], denominator: ["projects"] })).toBe("VALIDATION");
    expect(code({ kind: "interview-share", codeId: "leaf", filter: [{ attributeId: "sector", op: "eq", value: "government" }] })).toBe("VALIDATION");
    expect(code({ kind: "interview-share", codeId: "leaf", filter: [{ attributeId: "sector", op: "lt", value: 3 }] })).toBe("VALIDATION");
    expect(code({ kind: "interview-share", codeId: "leaf", filter: [{ attributeId: "remote", op: "eq", value: "yes" }] })).toBe("VALIDATION");
  });
});
