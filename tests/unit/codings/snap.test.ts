import { describe, expect, it } from "vitest";
import { snapToWords, wordAt } from "../../../lib/codings/spans/snap";
import { codePointLength } from "../../../lib/transcripts/offsets";
import { mark, marked } from "./marked";
import { randomInt, seeded } from "./random";

function snapped(source: string): string | null {
  const { text, start, end } = marked(source);
  const span = snapToWords(text, start, end);
  return span && mark(text, span.start, span.end);
}

describe("snapToWords", () => {
  it.each([
    ["grows a selection that cuts words at both ends", "The in⟦terview went we⟧ll.", "The ⟦interview went well⟧."],
    ["keeps a selection of whole words as it is", "The ⟦interview⟧ went", "The ⟦interview⟧ went"],
    ["trims surrounding whitespace", "The⟦ interview ⟧went", "The ⟦interview⟧ went"],
    ["keeps apostrophes inside words", "I do⟦n⟧'t know", "I ⟦don't⟧ know"],
    ["keeps right single quotes inside words", "I don’⟦t kn⟧ow", "I ⟦don’t know⟧"],
    ["keeps hyphens inside words", "a well⟦-kn⟧own fact", "a ⟦well-known⟧ fact"],
    ["grows over an apostrophe at the edge", "rock'⟦n'roll⟧", "⟦rock'n'roll⟧"],
    ["does not take a quote that only touches a word", "'yes' ⟦she said⟧", "'yes' ⟦she said⟧"],
    ["drops a leading punctuation-only token", "yes⟦, and then⟧ we", "yes, ⟦and then⟧ we"],
    ["drops a trailing dash token", "⟦it was —⟧ hard", "⟦it was⟧ — hard"],
    ["drops a separator stuck to the last word", "I was ⟦scared,⟧ really", "I was ⟦scared⟧, really"],
    ["drops a separator stuck to the first word", "so —⟦—and then⟧", "so ——⟦and then⟧"],
    ["keeps a selected full stop", "⟦It was awful.⟧ Then", "⟦It was awful.⟧ Then"],
    ["keeps selected closing quotes and brackets", "He said ⟦“no.” (Twice)⟧ then", "He said ⟦“no.” (Twice)⟧ then"],
    ["keeps a selected hesitation", "⟦I don't know...⟧ maybe", "⟦I don't know...⟧ maybe"],
    ["keeps a selected percentage", "about ⟦50%⟧ of", "about ⟦50%⟧ of"],
    ["does not add punctuation that was not selected", "⟦It was awfu⟧l. Then", "⟦It was awful⟧. Then"],
    ["keeps a selected emoji", "⟦great 🙂⟧ thanks", "⟦great 🙂⟧ thanks"],
    ["keeps a selection of punctuation only, trimmed", "um⟦ ... ⟧so", "um ⟦...⟧ so"],
    ["keeps a selection of one emoji", "ok ⟦🙂⟧ ok", "ok ⟦🙂⟧ ok"],
  ])("%s", (_, source, expected) => {
    expect(snapped(source)).toBe(expected);
  });

  it.each([
    ["an empty selection", "The |interview"],
    ["spaces only", "The⟦   ⟧interview"],
    ["line breaks and no-break spaces only", "end.⟦\n\n\u00a0⟧Next"],
  ])("gives null for %s", (_, source) => {
    expect(snapped(source)).toBeNull();
  });

  it("counts code points after emoji, and never splits an emoji sequence", () => {
    // "👩‍🔬" is three code points (two astral): a selection ending after the first is grown.
    expect(snapped("🙂🙂 the ⟦👩⟧‍🔬 said")).toBe("🙂🙂 the ⟦👩‍🔬⟧ said");
    expect(snapped("🙂 the 👩‍⟦🔬 sa⟧id")).toBe("🙂 the ⟦👩‍🔬 said⟧");
    expect(snapped("thumbs ⟦👍⟧🏽 up")).toBe("thumbs ⟦👍🏽⟧ up");
    expect(snapped("flags 🇵⟦🇹🇧⟧🇷 here")).toBe("flags ⟦🇵🇹🇧🇷⟧ here");
  });

  it("keeps a combining mark with its letter (text that escaped NFC)", () => {
    expect(snapped("a ⟦cafe⟧\u0301 nearby")).toBe("a ⟦cafe\u0301⟧ nearby");
    expect(snapped("a cafe\u0301⟦ nearby⟧")).toBe("a cafe\u0301 ⟦nearby⟧");
    expect(snapped("a caf⟦e\u0301⟧")).toBe("a ⟦cafe\u0301⟧");
  });

  it("works in other scripts and with letters outside the BMP", () => {
    expect(snapped("Он сказал: «⟦неплох⟧о»")).toBe("Он сказал: «⟦неплохо⟧»");
    expect(snapped("قال ⟦المعل⟧م شيئا")).toBe("قال ⟦المعلم⟧ شيئا");
    expect(snapped("नम⟦स्ते⟧ दोस्त")).toBe("⟦नमस्ते⟧ दोस्त");
    expect(snapped("the 𝐛𝐨⟦𝐥𝐝⟧ word")).toBe("the ⟦𝐛𝐨𝐥𝐝⟧ word");
  });

  it("looks only at the edges of a selection across speaker turns", () => {
    const source = "Interviewer: How did it st⟦art?\n\nAna: With a gra⟧nt, mostly.";
    expect(snapped(source)).toBe("Interviewer: How did it ⟦start?\n\nAna: With a grant⟧, mostly.");
  });

  it("returns a trimmed span that keeps every selected letter, and snapping twice changes nothing", () => {
    const alphabet = [..."ab 'é-🙂,.\n\u0301🇵"];
    const random = seeded(5);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: randomInt(random, 1, 20) }, () => alphabet[randomInt(random, 0, alphabet.length - 1)]).join("");
      const length = codePointLength(text);
      const start = randomInt(random, 0, length);
      const end = randomInt(random, start, length);
      const span = snapToWords(text, start, end);
      const selected = [...text].slice(start, end).join("");
      if (selected.trim() === "") {
        expect(span).toBeNull();
        continue;
      }
      expect(span).not.toBeNull();
      expect(span!.start).toBeGreaterThanOrEqual(0);
      expect(span!.end).toBeLessThanOrEqual(length);
      expect(span!.start).toBeLessThan(span!.end);
      const quote = [...text].slice(span!.start, span!.end).join("");
      expect(quote).toBe(quote.trim());
      [...text].forEach((c, p) => {
        if (p >= start && p < end && /\p{L}/u.test(c)) expect([span!.start <= p, p < span!.end]).toEqual([true, true]);
      });
      // Snapping again changes nothing.
      expect(snapToWords(text, span!.start, span!.end)).toEqual(span);
    }
  });
});

describe("wordAt", () => {
  it.each([
    ["inside a word", "the inter|view went", "the ⟦interview⟧ went"],
    ["at its start", "the |interview went", "the ⟦interview⟧ went"],
    ["at its end", "the interview| went", "the ⟦interview⟧ went"],
    ["next to an inner apostrophe", "I don|'t know", "I ⟦don't⟧ know"],
    ["after an emoji", "🙂 gr|eat", "🙂 ⟦great⟧"],
  ])("finds the word %s", (_, source, expected) => {
    const { text, start } = marked(source);
    const span = wordAt(text, start);
    expect(span && mark(text, span.start, span.end)).toBe(expected);
  });

  it("gives null between words", () => {
    expect(wordAt("so , then", 3)).toBeNull();
  });
});
