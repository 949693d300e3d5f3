import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MemoMarkdown } from "../../../components/memos/memo-markdown";

const html = (body: string) => renderToStaticMarkup(createElement(MemoMarkdown, { body }));

describe("a memo's Markdown", () => {
  it("renders emphasis, lists, headings and safe links", () => {
    const out = html("# Plan\n\nMost said **cost** first, *then* time.\n\n- one\n- two\n\n[notes](https://example.org/x) and [here](/projects/p/memos) and <mailto:a@b.example>");
    expect(out).toContain("<h1>Plan</h1>");
    expect(out).toContain("<strong>cost</strong>");
    expect(out).toContain("<em>then</em>");
    expect(out).toContain("<li>one</li>");
    expect(out).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow">notes</a>');
    expect(out).toContain('<a href="/projects/p/memos"');
    expect(out).toContain('href="mailto:a@b.example"');
  });

  it("lets no script, raw HTML, event handler or javascript: link through", () => {
    const out = html(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        '<a href="javascript:alert(3)">raw link</a>',
        "[click](javascript:alert(4))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "[spaced]( JaVaScRiPt:alert(5))",
        '<div style="position:fixed">overlay</div>',
        "![tracker](https://evil.example/pixel.png)",
        "<iframe src=\"https://evil.example\"></iframe>",
      ].join("\n\n"),
    );
    expect(out).not.toMatch(/<script|<img|<iframe|<div style|onerror|javascript:|data:text/i);
    expect(out).not.toContain("evil.example");
    // The link texts stay, as text or as links that go nowhere.
    expect(out).toContain("click");
    expect(out).toContain("tracker");
  });
});
