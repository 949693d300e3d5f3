import { describe, expect, it } from "vitest";
import { arrangeByStars, isStarred, passageStar, type StarInfo } from "../../../lib/stars/passages";

const passage = (name: string, documentId: string, codings: [id: string, coderId: string][]) => ({ name, documentId, codings: codings.map(([id, coderId]) => ({ id, coderId })) });
const stars = (...ids: string[]) => new Map<string, StarInfo>(ids.map((id) => [id, { starredBy: "Ana", starredAt: "2026-12-04T05:00:00.000Z" }]));

// Two interviews in transcript order, passages in their order within each.
const list = [
  passage("a1", "A", [["k1", "ana"]]),
  passage("a2", "A", [["k2", "ana"], ["k3", "ben"]]),
  passage("a3", "A", [["k4", "ben"]]),
  passage("b1", "B", [["k5", "ana"]]),
  passage("b2", "B", [["k6", "ben"]]),
];
const names = (ps: { name: string }[]) => ps.map((p) => p.name);

describe("arrangeByStars", () => {
  it("puts starred passages first within their interview, keeping interviews and the rest in order", () => {
    expect(names(arrangeByStars(list, stars("k3", "k4", "k6")))).toEqual(["a2", "a3", "a1", "b2", "b1"]);
  });

  it("leaves the order alone without stars, and never moves a passage into another interview", () => {
    expect(names(arrangeByStars(list, stars()))).toEqual(["a1", "a2", "a3", "b1", "b2"]);
    expect(names(arrangeByStars(list, stars("k6")))).toEqual(["a1", "a2", "a3", "b2", "b1"]);
  });

  it("keeps only the starred with representativeOnly, in the same order", () => {
    expect(names(arrangeByStars(list, stars("k4", "k2", "k5"), { representativeOnly: true }))).toEqual(["a2", "a3", "b1"]);
    expect(arrangeByStars(list, stars(), { representativeOnly: true })).toEqual([]);
  });

  it("ignores stars of codings that are not in the list", () => {
    expect(names(arrangeByStars(list, stars("elsewhere"), { representativeOnly: true }))).toEqual([]);
  });
});

describe("passageStar", () => {
  it("counts a passage as starred when any of its codings is", () => {
    expect(isStarred(list[1], stars("k3"))).toBe(true);
    expect(isStarred(list[1], stars("k1"))).toBe(false);
    expect(passageStar(list[1], stars("k3"), "ana")).toEqual({ starred: true, codingIds: ["k2", "k3"], toStar: "k2", note: "Marked representative by Ana on 2026-12-04" });
  });

  it("stars the reader's own coding of the passage, else its first", () => {
    expect(passageStar(list[1], stars(), "ben").toStar).toBe("k3");
    expect(passageStar(list[1], stars(), "olivia").toStar).toBe("k2");
    expect(passageStar(list[1], stars(), "olivia")).toMatchObject({ starred: false, note: null });
    expect(passageStar(passage("empty", "A", []), stars(), "ana").toStar).toBeNull();
  });
});
