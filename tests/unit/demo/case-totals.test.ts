import { beforeAll, describe, expect, it } from "vitest";
import { type DemoData, readDemoData } from "../../../lib/demo/files";

// The figures the published report states; the demo's cases.csv must add up to them exactly.
let data: DemoData;
beforeAll(async () => {
  data = await readDemoData();
});

const GROUPS = ["tf_only", "tf_plus", "no_tf"] as const;
const PLACES = ["aws", "other_cloud", "on_premise", "mixed"] as const;

function count(row: Record<string, string>, column: string): number {
  const value = Number(row[column]);
  if (!Number.isInteger(value)) throw new Error(`${row.case}: ${column} is not a whole number`);
  return value;
}

function total(column: string): number {
  return data.cases.reduce((sum, c) => sum + count(c.row, column), 0);
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

describe("cases.csv totals", () => {
  it("has the 32 cases P01..P32", () => {
    expect(data.cases.map((c) => c.name)).toEqual(Array.from({ length: 32 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`));
  });

  it("represents 388 projects: 140 TensorFlow only (36%), 167 with other frameworks (43%), 81 without (21%)", () => {
    expect(total("projects")).toBe(388);
    expect([total("tf_only"), total("tf_plus"), total("no_tf")]).toEqual([140, 167, 81]);
    expect(GROUPS.map((g) => percent(total(g), 388))).toEqual([36, 43, 21]);
  });

  it("runs 88% of TensorFlow-only and 80% of TensorFlow-plus projects on AWS", () => {
    expect(total("tf_only_aws")).toBe(123);
    expect(percent(123, 140)).toBe(88);
    expect(total("tf_plus_aws")).toBe(134);
    expect(percent(134, 167)).toBe(80);
  });

  it("runs fewer than 10% of projects on premise (35 of 388)", () => {
    const onPremise = GROUPS.reduce((sum, g) => sum + total(`${g}_on_premise`), 0);
    expect(onPremise).toBe(35);
    expect(onPremise / 388).toBeLessThan(0.1);
  });

  it("adds up within every case: groups to projects, places to their group", () => {
    for (const { name, row } of data.cases) {
      expect(GROUPS.reduce((sum, g) => sum + count(row, g), 0), `${name} groups`).toBe(count(row, "projects"));
      for (const group of GROUPS) {
        expect(PLACES.reduce((sum, p) => sum + count(row, `${group}_${p}`), 0), `${name} ${group} places`).toBe(count(row, group));
      }
    }
  });
});
