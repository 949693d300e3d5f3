import { describe, expect, it } from "vitest";
import type { FindingsReport } from "../../../lib/findings/data";
import { findingsToMarkdown, markdownText } from "../../../lib/findings/markdown";
import type { PrintedReport } from "../../../lib/findings/report";

describe("findings Markdown escapes what people wrote", () => {
  it("raw HTML becomes text, links and images cannot be formed, line breaks cannot start blocks", () => {
    expect(markdownText("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdownText('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)"&gt;');
    expect(markdownText("![pixel](http://evil.example/p.png) [click](javascript:alert(1))")).toBe("!\\[pixel\\](http://evil.example/p.png) \\[click\\](javascript:alert(1))");
    expect(markdownText("first\n\n# heading\r\n<b>")).toBe("first # heading &lt;b&gt;");
    expect(markdownText("R&D, &lt; and &#60;")).toBe("R&D, &amp;lt; and &amp;#60;");
    expect(markdownText("`code` and \\")).toBe("\\`code\\` and \\\\");
    expect(markdownText("Plain words, 3 > 2? No: 2 < 3.")).toBe("Plain words, 3 &gt; 2? No: 2 &lt; 3.");
  });

  it("no field of the report can carry a tag into the file", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const report = {
      selectionLabel: `Any analyst ${evil}`,
      findings: [
        {
          statement: `Costs dominate ${evil}`,
          figureProblem: null,
          result: { display: "3 of 5", fraction: "3/5", label: `interviews coded ${evil}`, problem: null, details: { kind: "code-ranking", ranking: [{ rank: 1, name: `<script>x</script>`, interviews: 3 }] } },
          comparison: { statedDisplay: "60%", statedText: evil, computedDisplay: "60%", mismatch: false },
          evidence: [{ quote: `It costs.\n<script>steal()</script>`, documentTitle: evil, caseName: evil, codeName: evil, coderName: evil, coderId: "a" }],
        },
      ],
    } as unknown as FindingsReport;
    const printed = {
      title: `Study ${evil}`,
      description: `About ${evil}`,
      generatedAt: new Date("2026-01-01T00:00:00Z"),
      showCoders: true,
      methods: { interviews: 1, cases: 1, coders: [{ label: evil, interviews: 1, codings: 1 }], agreement: evil },
      report,
    } as PrintedReport;
    const markdown = findingsToMarkdown(printed);
    expect(markdown).not.toMatch(/<[a-z/]/i);
    expect(markdown).toContain("### 1. Costs dominate &lt;img src=x onerror=\"alert(1)\"&gt;");
    expect(markdown).toContain("> It costs. &lt;script&gt;steal()&lt;/script&gt;");
  });
});
