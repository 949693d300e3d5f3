import { beforeAll, describe, expect, it } from "vitest";
import { type DemoData, readDemoData } from "../../../lib/demo/files";
import { DEMO_FINDINGS, prepareDemoFindings } from "../../../lib/demo/findings";
import { prepareDemoStudy } from "../../../lib/demo/prepare";
import { readStatedText } from "../../../lib/findings/stated";

let data: DemoData;
beforeAll(async () => {
  data = await readDemoData();
});

describe("the demo's findings", () => {
  it("state each figure as the report's own words read it", () => {
    for (const spec of DEMO_FINDINGS.filter((f) => f.stated)) {
      expect(readStatedText(spec.stated!.text), spec.stated!.text).toEqual({ value: spec.stated!.value, statedAs: spec.stated!.statedAs });
    }
  });

  it("pin three of analyst A's codings per reason, the report's quotations first", () => {
    const study = prepareDemoStudy(data);
    const prepared = prepareDemoFindings(data, study);
    const reasons = prepared.filter((f) => f.evidenceTheme);
    expect(reasons.map((f) => f.evidenceTheme)).toEqual(["breadth", "cost", "relationship", "locality", "community"]);
    for (const reason of reasons) {
      expect(reason.pins).toHaveLength(3);
      for (const pin of reason.pins) {
        const coding = study.documents[pin.documentPosition].codings.find((c) => c.coder === "A" && c.code === pin.code && c.start === pin.start && c.end === pin.end);
        expect(coding).toBeDefined();
      }
    }
    expect(prepared.filter((f) => !f.evidenceTheme).every((f) => f.pins.length === 0)).toBe(true);
  });

  it("stop the load when a report quotation is not coded by analyst A", () => {
    const study = prepareDemoStudy(data);
    const broken = { ...data, quotes: [{ id: "made-up", theme: "cost", case: "P01", parts: ["words nobody said"] }] };
    expect(() => prepareDemoFindings(broken, study)).toThrow(/made-up/);
  });
});
