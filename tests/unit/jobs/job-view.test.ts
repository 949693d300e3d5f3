import { describe, expect, it } from "vitest";
import { readOutcome } from "../../../lib/jobs/schema";
import { percentDone } from "../../../lib/jobs/types";

describe("job progress and outcome", () => {
  it("shows progress as a whole percentage, 100 once the job succeeded, 0 before the work has counted its steps", () => {
    expect(percentDone({ status: "running", done: 1, total: 3 })).toBe(33);
    expect(percentDone({ status: "running", done: 0, total: 0 })).toBe(0);
    expect(percentDone({ status: "queued", done: 0, total: 4 })).toBe(0);
    expect(percentDone({ status: "succeeded", done: 2, total: 3 })).toBe(100);
    expect(percentDone({ status: "running", done: 9, total: 3 })).toBe(100);
  });

  it("reads a stored outcome, and nothing from a result of another shape", () => {
    expect(readOutcome({ message: "Imported 2 transcripts.", href: "/projects/p1", details: { n: 2 } })).toEqual({ message: "Imported 2 transcripts.", href: "/projects/p1", details: { n: 2 } });
    expect(readOutcome({ message: "Restored." , href: null })).toEqual({ message: "Restored.", href: null });
    expect(readOutcome({ imported: 2 })).toBeNull();
    expect(readOutcome(null)).toBeNull();
  });
});
