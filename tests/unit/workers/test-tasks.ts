import { AppError } from "../../../lib/errors";

/** Tasks for the pool's own tests: one that answers, one that never ends, one that eats memory, one that throws. */
export const tasks = {
  echo: (input: { bytes: Uint8Array; text: string }) => ({ length: input.bytes.length, text: input.text.toUpperCase() }),
  spin: () => {
    for (;;) {
      // a parser stuck on a hostile file
    }
  },
  hog: () => {
    const kept: string[][] = [];
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `row ${i} ${kept.length}`));
  },
  refuse: (input: { fileName: string }) => {
    throw new AppError("VALIDATION", `${input.fileName}: refused by the test.`);
  },
};
