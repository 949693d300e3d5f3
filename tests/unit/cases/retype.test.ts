import { describe, expect, it } from "vitest";
import { CASE_NAME_MAX as IMPORT_CASE_NAME_MAX } from "../../../lib/documents/import-schema";
import { CASE_NAME_MAX } from "../../../lib/cases/limits";
import { convertValue, describeRetype, planRetype, type RetypeRow } from "../../../lib/cases/retype";

const rows = (...values: (string | number | boolean)[]): RetypeRow[] => values.map((value, i) => ({ valueId: `v${i}`, caseId: `c${i}`, caseName: `Case ${i}`, value }));

describe("converting a value to another attribute type", () => {
  it("reads numbers and yes/no from text, and writes booleans as yes/no", () => {
    expect(convertValue("1,200", "number", [])).toBe(1200);
    expect(convertValue("twelve", "number", [])).toBeNull();
    expect(convertValue("Yes", "boolean", [])).toBe(true);
    expect(convertValue(0, "boolean", [])).toBe(false);
    expect(convertValue(7, "boolean", [])).toBeNull();
    expect(convertValue(true, "number", [])).toBe(1);
    expect(convertValue(false, "text", [])).toBe("no");
    expect(convertValue(2.5, "text", [])).toBe("2.5");
  });

  it("matches categories ignoring case and spaces, in the listed spelling", () => {
    expect(convertValue(" academia ", "category", ["Academia", "Industry"])).toBe("Academia");
    expect(convertValue("government", "category", ["Academia", "Industry"])).toBeNull();
  });
});

describe("a retype plan", () => {
  it("states how many values convert and names those that will be cleared", () => {
    const plan = planRetype("text", "number", [], rows("12", "3.5", "twelve", "", "40"));
    expect(plan.converted.map((c) => c.after)).toEqual([12, 3.5, 40]);
    expect(plan.cleared.map((c) => c.caseName)).toEqual(["Case 2", "Case 3"]);
    expect(describeRetype(plan)).toBe("text → number: 3 values convert; 2 cannot and will be cleared: Case 2 (“twelve”), Case 3 (“”).");
  });

  it("to a category without a list keeps every value as a category, first spelling first", () => {
    const plan = planRetype("text", "category", [], rows("Industry", "academia", "Academia", "industry"));
    expect(plan.categories).toEqual(["academia", "Industry"]);
    expect(plan.cleared).toEqual([]);
    expect(plan.converted.map((c) => c.after)).toEqual(["Industry", "academia", "academia", "Industry"]);
  });

  it("category to category edits the list and clears values outside it", () => {
    const plan = planRetype("category", "category", ["Academia"], rows("Academia", "Industry"));
    expect(plan.problem).toBeNull();
    expect(plan.cleared.map((c) => c.before)).toEqual(["Industry"]);
  });

  it("refuses a retype to the same type, and more distinct values than a category holds", () => {
    expect(planRetype("number", "number", [], rows(1)).problem).toBe("The attribute is already number.");
    const many = planRetype("text", "category", [], rows(...Array.from({ length: 101 }, (_, i) => `v${i}`)));
    expect(many.problem).toMatch(/101 distinct spellings; a category attribute holds at most 100/);
    expect(many.converted).toEqual([]);
  });

  it("says so when no case has a value, and shortens a long list of cleared values", () => {
    expect(describeRetype(planRetype("text", "boolean", [], []))).toBe("text → yes/no: no case has a value yet, so nothing is converted or cleared.");
    expect(describeRetype(planRetype("text", "number", [], rows("a", "b", "c")), 2)).toMatch(/Case 0 \(“a”\), Case 1 \(“b”\) and 1 more\.$/);
  });
});

it("the case name limit of the forms is the import's", () => {
  expect(CASE_NAME_MAX).toBe(IMPORT_CASE_NAME_MAX);
});
