import type { SpanWithId } from "../../../lib/codings/spans/types";

export { seeded } from "../../helpers/seeded";

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Random codings over [0, textLength), with a share of identical and nested spans. */
export function randomCodings(random: () => number, textLength: number, count: number): SpanWithId[] {
  const codings: SpanWithId[] = [];
  for (let i = 0; i < count; i++) {
    const previous = codings[randomInt(random, 0, Math.max(0, codings.length - 1))];
    const roll = random();
    if (previous && roll < 0.15) {
      codings.push({ id: `c${i}`, start: previous.start, end: previous.end });
    } else if (previous && roll < 0.3 && previous.end - previous.start >= 2) {
      const start = randomInt(random, previous.start, previous.end - 1);
      codings.push({ id: `c${i}`, start, end: randomInt(random, start + 1, previous.end) });
    } else {
      const start = randomInt(random, 0, textLength - 1);
      codings.push({ id: `c${i}`, start, end: randomInt(random, start + 1, Math.min(textLength, start + 1 + Math.floor(textLength / 3))) });
    }
  }
  return codings;
}

export function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
