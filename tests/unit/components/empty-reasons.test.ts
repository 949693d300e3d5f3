import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NeedsTwoAnalysts, NothingInCommon } from "../../../components/rigour/empty-reasons";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&apos;/g, "'");

describe("why agreement and disagreements are empty", () => {
  it("tells an analyst what the owner must do, and gives the owner the links to do it", () => {
    const analyst = renderToStaticMarkup(createElement(NeedsTwoAnalysts, { projectId: "p1", owner: false, what: "Agreement" }));
    expect(text(analyst)).toContain("Agreement needs two analysts coding the same interviews");
    expect(text(analyst)).toContain("Only an owner can change that");
    expect(analyst).not.toContain("/rigour/assignments");
    const owner = renderToStaticMarkup(createElement(NeedsTwoAnalysts, { projectId: "p1", owner: true, what: "Disagreements" }));
    expect(owner).toContain('href="/projects/p1/rigour/assignments"');
    expect(text(owner)).not.toContain("Only an owner");
  });

  it("explains that only interviews marked done by all are compared, and where an analyst marks them", () => {
    const analyst = text(renderToStaticMarkup(createElement(NothingInCommon, { projectId: "p1", owner: false, done: true })));
    expect(analyst).toContain("only interviews they all marked done are compared");
    expect(analyst).toContain("An owner assigns the same interviews to each analyst (Assignments)");
    expect(analyst).toContain("My queue");
    const coded = text(renderToStaticMarkup(createElement(NothingInCommon, { projectId: "p1", owner: true, done: false })));
    expect(coded).toContain("have not coded any interview in common");
    expect(coded).not.toContain("My queue");
  });
});
