import { beforeAll, describe, expect, it } from "vitest";
import { readDemoData } from "../../../lib/demo/files";
import { type PreparedStudy, prepareDemoStudy, speakerRole } from "../../../lib/demo/prepare";
import { codePointLength } from "../../../lib/transcripts/offsets";

let study: PreparedStudy;
beforeAll(async () => {
  study = prepareDemoStudy(await readDemoData());
});

describe("prepareDemoStudy", () => {
  it("makes an attribute of every cases.csv column but case and document, typed", () => {
    const types = Object.fromEntries(study.attributes.map((a) => [a.name, a.type]));
    expect(types).not.toHaveProperty("case");
    expect(types).not.toHaveProperty("document");
    expect(types).toMatchObject({ sector: "category", respondent_role: "text", organisation: "text", respondents: "text", projects: "number", tf_only_aws: "number", no_tf_mixed: "number" });
    expect(study.attributes).toHaveLength(20);
    expect(study.attributes.find((a) => a.name === "sector")?.categories).toEqual(["academia", "large corporation", "AI/DL startup", "services company", "large technology company"]);
  });

  it("titles documents by case and a short organisation", () => {
    const titles = Object.fromEntries(study.documents.map((d) => [d.caseName, d.title]));
    expect(titles.P14).toBe("P14 — SaaS decisioning platform for marketing and creative teams");
    expect(titles.P01).toBe("P01 — University computer vision lab");
    for (const title of Object.values(titles)) expect(title.length).toBeLessThanOrEqual(80);
  });

  it("stores the normalized text with its code point length and SHA-256", () => {
    for (const d of study.documents) {
      expect(d.textLength).toBe(codePointLength(d.text));
      expect(d.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(d.sourceName).toBe(`${d.caseName}.txt`);
    }
  });

  it("orders codes parents first, with positions among siblings", () => {
    const seen = new Set<string>();
    for (const code of study.codes) {
      if (code.parentKey) expect(seen.has(code.parentKey), code.key).toBe(true);
      seen.add(code.key);
    }
    expect(study.codes.find((c) => c.key === "cost")).toMatchObject({ parentKey: "why-aws", position: 1, shortcut: "2" });
  });

  it("gives the Interviewer the interviewer role and everyone else the respondent one", () => {
    expect(speakerRole("Interviewer")).toBe("interviewer");
    expect(speakerRole("Dr. Miriam Okafor")).toBe("respondent");
  });
});
