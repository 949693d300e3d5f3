import { describe, expect, it } from "vitest";
import { endpointToOffset, offsetToEndpoint, selectionToSpan } from "../../../lib/codings/spans/selection";
import { codePointLength, sliceByCodePoints } from "../../../lib/transcripts/offsets";

// A document of two turns; each turn's spoken words are rendered in one element whose
// data-start is their code point offset (labels are rendered outside the elements).
const TEXT = "Interviewer: Which 🙂 part?\n\nAna: The 👩‍🔬 lab, café and all.";
const FIRST = { start: 13, text: "Which 🙂 part?" };
const SECOND = { start: 33, text: "The 👩‍🔬 lab, café and all." };
const ELEMENTS = [FIRST, SECOND];

describe("rendered elements match the document text", () => {
  it("(a check of the fixture)", () => {
    for (const e of ELEMENTS) expect(sliceByCodePoints(TEXT, e.start, e.start + codePointLength(e.text))).toBe(e.text);
  });
});

describe("endpointToOffset", () => {
  it("turns a UTF-16 offset after emoji into a document code point offset", () => {
    // "lab" starts at UTF-16 index 10 in SECOND ("👩‍🔬" is 2 + 1 + 2 units) but code point 8.
    const utf16Offset = SECOND.text.indexOf("lab");
    expect(utf16Offset).toBe(10);
    const offset = endpointToOffset({ elementStart: SECOND.start, elementText: SECOND.text, utf16Offset });
    expect(offset).toBe(SECOND.start + 8);
    expect(sliceByCodePoints(TEXT, offset, offset + 3)).toBe("lab");
  });

  it("rounds an endpoint inside a surrogate pair to a whole character", () => {
    const inside = FIRST.text.indexOf("🙂") + 1;
    const endpoint = { elementStart: FIRST.start, elementText: FIRST.text, utf16Offset: inside };
    expect(endpointToOffset(endpoint, "down")).toBe(FIRST.start + 6);
    expect(endpointToOffset(endpoint, "up")).toBe(FIRST.start + 7);
  });

  it("refuses offsets outside the element", () => {
    expect(() => endpointToOffset({ elementStart: 0, elementText: "abc", utf16Offset: 4 })).toThrow(RangeError);
    expect(() => endpointToOffset({ elementStart: -1, elementText: "abc", utf16Offset: 0 })).toThrow(RangeError);
  });
});

describe("selectionToSpan", () => {
  const endpoint = (element: typeof FIRST, needle: string, after = false) => ({
    elementStart: element.start,
    elementText: element.text,
    utf16Offset: element.text.indexOf(needle) + (after ? needle.length : 0),
  });

  it("gives the passage between the endpoints, across turns, whichever was selected first", () => {
    const anchor = endpoint(FIRST, "part");
    const focus = endpoint(SECOND, "lab", true);
    const forwards = selectionToSpan(anchor, focus);
    expect(sliceByCodePoints(TEXT, forwards.start, forwards.end)).toBe("part?\n\nAna: The 👩‍🔬 lab");
    expect(selectionToSpan(focus, anchor)).toEqual(forwards);
  });

  it("includes an emoji whose surrogate pair the selection cuts", () => {
    const inside = FIRST.text.indexOf("🙂") + 1;
    const span = selectionToSpan(endpoint(FIRST, "Which"), { elementStart: FIRST.start, elementText: FIRST.text, utf16Offset: inside });
    expect(sliceByCodePoints(TEXT, span.start, span.end)).toBe("Which 🙂");
  });
});

describe("offsetToEndpoint", () => {
  it("round-trips every offset inside the elements", () => {
    ELEMENTS.forEach((element, elementIndex) => {
      for (let cp = 0; cp < codePointLength(element.text); cp++) {
        const found = offsetToEndpoint(ELEMENTS, element.start + cp);
        expect(found?.elementIndex).toBe(elementIndex);
        expect(endpointToOffset({ elementStart: element.start, elementText: element.text, utf16Offset: found!.utf16Offset })).toBe(element.start + cp);
      }
    });
  });

  it("places an offset in a gap (a speaker label) by affinity", () => {
    const offset = SECOND.start - 3; // inside "Ana: "
    expect(sliceByCodePoints(TEXT, offset, SECOND.start)).toBe("a: ");
    expect(offsetToEndpoint(ELEMENTS, offset, "forward")).toEqual({ elementIndex: 1, utf16Offset: 0 });
    expect(offsetToEndpoint(ELEMENTS, offset, "backward")).toEqual({ elementIndex: 0, utf16Offset: FIRST.text.length });
  });

  it("puts the end of the last element at its end, and refuses beyond it", () => {
    const end = SECOND.start + codePointLength(SECOND.text);
    expect(offsetToEndpoint(ELEMENTS, end, "forward")).toEqual({ elementIndex: 1, utf16Offset: SECOND.text.length });
    expect(offsetToEndpoint(ELEMENTS, end, "backward")).toEqual({ elementIndex: 1, utf16Offset: SECOND.text.length });
    expect(offsetToEndpoint(ELEMENTS, end + 1, "forward")).toBeNull();
    expect(offsetToEndpoint(ELEMENTS, 0, "backward")).toBeNull();
    expect(offsetToEndpoint(ELEMENTS, 0, "forward")).toEqual({ elementIndex: 0, utf16Offset: 0 });
    expect(offsetToEndpoint([], 0)).toBeNull();
  });

  it("resolves a boundary between adjacent elements to the next (forward) or the previous (backward)", () => {
    const segments = [{ start: 10, text: "ab🙂" }, { start: 13, text: "cd" }];
    expect(offsetToEndpoint(segments, 13, "forward")).toEqual({ elementIndex: 1, utf16Offset: 0 });
    expect(offsetToEndpoint(segments, 13, "backward")).toEqual({ elementIndex: 0, utf16Offset: 4 });
    expect(offsetToEndpoint(segments, 10, "backward")).toEqual({ elementIndex: 0, utf16Offset: 0 });
  });
});
