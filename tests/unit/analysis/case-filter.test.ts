import { describe, expect, it } from "vitest";
import { type AttributeValueRow, caseFilterLabel, caseFilterSchema, filterCases } from "../../../lib/analysis/case-filter";

const value = (caseId: string, attributeId: string, v: string | number | boolean): AttributeValueRow => ({
  caseId,
  attributeId,
  textValue: typeof v === "string" ? v : null,
  numberValue: typeof v === "number" ? v : null,
  booleanValue: typeof v === "boolean" ? v : null,
});
const values = [value("c1", "sector", "academia"), value("c1", "projects", 8), value("c2", "sector", "startup"), value("c2", "projects", 4), value("c3", "projects", 12), value("c1", "remote", true)];
const cases = ["c1", "c2", "c3"];

describe("case filters", () => {
  it("keeps every case for an empty filter", () => {
    expect(filterCases(cases, values, [])).toEqual(cases);
  });

  it("ANDs conditions: equality, membership and numeric comparisons", () => {
    expect(filterCases(cases, values, [{ attributeId: "sector", op: "eq", value: "academia" }])).toEqual(["c1"]);
    expect(filterCases(cases, values, [{ attributeId: "sector", op: "in", values: ["academia", "startup"] }])).toEqual(["c1", "c2"]);
    expect(filterCases(cases, values, [{ attributeId: "projects", op: "gte", value: 8 }])).toEqual(["c1", "c3"]);
    expect(filterCases(cases, values, [{ attributeId: "projects", op: "lt", value: 8 }])).toEqual(["c2"]);
    expect(
      filterCases(cases, values, [
        { attributeId: "projects", op: "gt", value: 3 },
        { attributeId: "sector", op: "eq", value: "startup" },
      ]),
    ).toEqual(["c2"]);
    expect(filterCases(cases, values, [{ attributeId: "remote", op: "eq", value: true }])).toEqual(["c1"]);
  });

  it("a case without a value fails every condition on that attribute", () => {
    expect(filterCases(cases, values, [{ attributeId: "sector", op: "in", values: ["academia", "startup"] }])).not.toContain("c3");
    expect(filterCases(cases, values, [{ attributeId: "projects", op: "lte", value: 100 }])).toEqual(cases);
  });

  it("labels the filter in words", () => {
    const name = (id: string) => id;
    expect(caseFilterLabel([], name)).toBe("all cases");
    expect(
      caseFilterLabel(
        [
          { attributeId: "sector", op: "in", values: ["academia", "startup"] },
          { attributeId: "projects", op: "gte", value: 10 },
          { attributeId: "remote", op: "eq", value: false },
        ],
        name,
      ),
    ).toBe("sector is academia or startup and projects ≥ 10 and remote = no");
  });

  it("refuses malformed conditions", () => {
    expect(caseFilterSchema.safeParse([{ attributeId: "sector", op: "like", value: "a%" }]).success).toBe(false);
    expect(caseFilterSchema.safeParse([{ attributeId: "projects", op: "gt", value: "8" }]).success).toBe(false);
    expect(caseFilterSchema.safeParse([{ attributeId: "sector", op: "in", values: [] }]).success).toBe(false);
  });
});
