import { describe, expect, it } from "vitest";
import { quoteAt, validateSpan } from "../../../lib/codings/spans/validate";

describe("validateSpan", () => {
  it("accepts a passage inside the transcript, up to its last character", () => {
    expect(validateSpan(10, 0, 10)).toEqual({ ok: true });
    expect(validateSpan(10, 9, 10)).toEqual({ ok: true });
  });

  it.each([
    [10, -1, 3, "start", "The passage start must be a whole number of 0 or more."],
    [10, 1.5, 3, "start", "The passage start must be a whole number of 0 or more."],
    [10, Number.NaN, 3, "start", "The passage start must be a whole number of 0 or more."],
    [10, 0, Number.POSITIVE_INFINITY, "end", "The passage end must be a whole number of 0 or more."],
    [10, 4, 4, "end", "The passage is empty: select at least one character to code."],
    [10, 5, 4, "start", "The passage start must be before its end."],
    [10, 5, 11, "end", "The passage ends after the end of the transcript."],
    [0, 0, 1, "end", "The passage ends after the end of the transcript."],
  ])("refuses length %d, [%d, %d) with a message about the %s", (length, start, end, field, message) => {
    expect(validateSpan(length, start, end)).toEqual({ ok: false, field, message });
  });
});

describe("quoteAt", () => {
  // Two astral emoji and a combining mark before the passage: UTF-16 would be off by two.
  const text = "Ana 🙂🙂: cafe\u0301 and tea";

  it("cuts by code points, as PostgreSQL's substr does", () => {
    const start = [...text].indexOf("a", 10);
    expect(quoteAt(text, start, start + 3)).toBe("and");
    expect(quoteAt(text, 4, 6)).toBe("🙂🙂");
    expect(quoteAt(text, 12, 13)).toBe("\u0301");
  });

  it("throws the analyst's message for an invalid span", () => {
    expect(() => quoteAt(text, 0, 99)).toThrow("The passage ends after the end of the transcript.");
    expect(() => quoteAt(text, 3, 3)).toThrow(RangeError);
  });
});
