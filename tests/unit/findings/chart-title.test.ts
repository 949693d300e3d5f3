import { describe, expect, it } from "vitest";
import { wrapWords } from "../../../components/charts/bar-chart";

describe("chart titles wrap instead of being cut", () => {
  it("keeps every word, in order, on lines no longer than the limit", () => {
    const statement = "There were five main reasons why researchers chose AWS to run their analyses instead of other cloud providers: the breadth of the Amazon platform, cost, their relationship with Amazon as a partner, compute locations, and Amazon's peer resources and community.";
    const lines = wrapWords(statement, 88);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(88);
    expect(lines.join(" ")).toBe(statement);
  });

  it("splits a word longer than a line, and leaves a short title on one line", () => {
    expect(wrapWords("Supercalifragilistic costs", 8)).toEqual(["Supercal", "ifragili", "stic", "costs"]);
    expect(wrapWords("  Cost   versus value ", 88)).toEqual(["Cost versus value"]);
    expect(wrapWords("", 88)).toEqual([""]);
  });
});
