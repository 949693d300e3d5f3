import { describe, expect, it } from "vitest";
import { pageOf, pageWindow, requestedPage } from "../../../lib/analysis/paging";

describe("page windows", () => {
  it("reads ?page as a whole number from 1, falling back to 1", () => {
    expect([requestedPage("3"), requestedPage(["2", "9"]), requestedPage(undefined), requestedPage("x"), requestedPage("0"), requestedPage("-4"), requestedPage(2.7), requestedPage(Number.NaN)]).toEqual([3, 2, 1, 1, 1, 1, 2, 1]);
  });

  it("places a page among the rows, past the end on the last page, and an empty list on page 1", () => {
    expect(pageWindow(250, 2, 100)).toEqual({ page: 2, pages: 3, total: 250, from: 101, to: 200 });
    expect(pageWindow(250, 3, 100)).toEqual({ page: 3, pages: 3, total: 250, from: 201, to: 250 });
    expect(pageWindow(250, 40, 100)).toEqual({ page: 3, pages: 3, total: 250, from: 201, to: 250 });
    expect(pageWindow(0, 5, 100)).toEqual({ page: 1, pages: 1, total: 0, from: 0, to: 0 });
    // `shown`: the rows the page actually holds.
    expect(pageWindow(250, 1, 100, 60)).toMatchObject({ from: 1, to: 60 });
  });

  it("cuts rows held in memory the same way", () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(rows, "3", 100)).toEqual({ rows: rows.slice(200), page: 3, pages: 3, total: 250, from: 201, to: 250 });
    expect(pageOf(rows, "99", 100).rows).toEqual(rows.slice(200));
    expect(pageOf([], "2", 100)).toEqual({ rows: [], page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });
});
