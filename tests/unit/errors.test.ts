import { describe, expect, it } from "vitest";
import { toActionError } from "../../lib/errors";

describe("database errors in the user's words", () => {
  it("a transaction that got no connection in time is 'busy, nothing saved', not an internal error", () => {
    expect(toActionError({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toEqual({
      code: "RATE_LIMITED",
      message: "The server is busy; nothing was saved. Try again in a moment.",
    });
  });
});
