import type { StatedAs } from "../findings/figure";
import type { DemoData } from "./files";
import type { PreparedStudy } from "./prepare";

/**
 * The published report's findings, as the demo study ships them: each statement with the
 * figure that checks it and, where the report states one, the figure it states (the
 * report's words in statedText, read by the rule of lib/findings/stated.ts). Codes are
 * named by codebook key and attributes by cases.csv column; the loader turns them into ids.
 * Figures are definitions: the app computes them on every view.
 */

type DemoFigure =
  | { kind: "attribute-ratio"; numerator: string[]; denominator: string[] }
  | { kind: "interview-share"; code: string }
  | { kind: "code-ranking"; parent: string };

export type DemoFindingSpec = {
  statement: string;
  figure: DemoFigure;
  stated?: { value: number; text: string; statedAs: StatedAs };
  /** Pin analyst A's codings of the report's quotations of this theme, then other passages both analysts coded. */
  evidenceTheme?: string;
};

const percent = (value: number, text: string): DemoFindingSpec["stated"] => ({ value, text, statedAs: { relation: "approximately", precision: 0.01 } });
const ratio = (numerator: string[], denominator: string[]): DemoFigure => ({ kind: "attribute-ratio", numerator, denominator });
const ON_PREMISE = ["tf_only_on_premise", "tf_plus_on_premise", "no_tf_on_premise"];

const reason = (code: string, statement: string): DemoFindingSpec => ({ statement, figure: { kind: "interview-share", code }, evidenceTheme: code });

export const DEMO_FINDINGS: readonly DemoFindingSpec[] = [
  {
    statement: "Thirty-six percent of the projects analysed were using only TensorFlow to support their DL efforts.",
    figure: ratio(["tf_only"], ["projects"]),
    stated: percent(0.36, "Thirty-six percent were using only TensorFlow to support their DL efforts"),
  },
  {
    statement: "Forty-three percent were using TensorFlow as well as other frameworks (such as MXNet, Caffe, PyTorch, or proprietary tools).",
    figure: ratio(["tf_plus"], ["projects"]),
    stated: percent(0.43, "Forty-three percent were using TensorFlow as well as other frameworks"),
  },
  {
    statement: "Only 21 percent were not using TensorFlow at all.",
    figure: ratio(["no_tf"], ["projects"]),
    stated: percent(0.21, "Only 21 percent were not using TensorFlow at all."),
  },
  {
    statement: "Roughly four out of five DL projects today are being supported by TensorFlow.",
    figure: ratio(["tf_only", "tf_plus"], ["projects"]),
    // "Out of five": rounded to the nearest fifth.
    stated: { value: 0.8, text: "roughly four out of five DL projects today are being supported by TensorFlow", statedAs: { relation: "approximately", precision: 0.2 } },
  },
  {
    statement: "Fewer than 10 percent of projects were being run on premise.",
    figure: ratio(ON_PREMISE, ["projects"]),
    stated: { value: 0.1, text: "in all, fewer than 10 percent of projects were being run on premise", statedAs: { relation: "lessThan", precision: 0.01 } },
  },
  {
    statement: "88 percent of the projects using only TensorFlow are running exclusively on AWS.",
    figure: ratio(["tf_only_aws"], ["tf_only"]),
    stated: percent(0.88, "88% using only TensorFlow are running exclusively on AWS"),
  },
  {
    statement: "80 percent of the projects using TensorFlow and other frameworks are running exclusively on AWS.",
    // The report prints "8o percent", a typo for 80.
    figure: ratio(["tf_plus_aws"], ["tf_plus"]),
    stated: percent(0.8, "Of 388 projects, 80 percent using TensorFlow and other frameworks are running exclusively on AWS"),
  },
  {
    statement: "Nine out of ten TensorFlow projects are running on AWS.",
    figure: ratio(["tf_only_aws", "tf_plus_aws"], ["tf_only", "tf_plus"]),
    stated: { value: 0.9, text: "Nine out of 10 TensorFlow projects are running on AWS.", statedAs: { relation: "approximately", precision: 0.1 } },
  },
  {
    statement:
      "There were five main reasons why researchers chose AWS to run their analyses instead of other cloud providers: the breadth of the Amazon platform, cost, their relationship with Amazon as a partner, compute locations, and Amazon's peer resources and community.",
    figure: { kind: "code-ranking", parent: "why-aws" },
  },
  reason("breadth", "Breadth of Amazon capabilities: researchers looking beyond small test projects chose Amazon for its data storage, support for multiple frameworks and other resources that could support large-scale production DL projects."),
  reason("cost", "Cost versus value: DL experts found Amazon's pricing attractive, particularly those reselling their own services on the AWS TensorFlow platform."),
  reason("relationship", "Amazon relationship: an existing relationship with Amazon made using AWS for TensorFlow a natural extension of the organisation's footprint, making adding compute for DL relatively seamless."),
  reason("locality", "Compute locality: users spoke of the importance of conducting analysis where the data already exists, to maximise speed and cost efficiency."),
  reason("community", "Peer community and resources: the peer community of AWS users exploring DL, and the resources and support AWS provides, were a reason for running TensorFlow projects on AWS."),
];

const PINS_PER_FINDING = 3;

export type DemoPin = { documentPosition: number; code: string; start: number; end: number };
export type PreparedDemoFinding = DemoFindingSpec & { pins: DemoPin[] };

/**
 * Chooses each reason's pinned passages before the load opens a transaction: analyst A's
 * codings of the report's quotations of that theme (report-quotes.json), in the file's
 * order, then — if there are fewer than three — A's codings of the theme that B also coded
 * (overlapping, same code), one per interview not yet quoted, in interview order. A
 * quotation A did not code is a broken data file, and stops the load.
 */
export function prepareDemoFindings(data: DemoData, study: PreparedStudy): PreparedDemoFinding[] {
  return DEMO_FINDINGS.map((spec) => ({ ...spec, pins: spec.evidenceTheme ? choosePins(data, study, spec.evidenceTheme) : [] }));
}

function choosePins(data: DemoData, study: PreparedStudy, theme: string): DemoPin[] {
  const pins: DemoPin[] = [];
  const add = (documentPosition: number, c: { code: string; start: number; end: number }) => {
    if (pins.length < PINS_PER_FINDING && !pins.some((p) => p.documentPosition === documentPosition && p.start === c.start && p.end === c.end)) {
      pins.push({ documentPosition, code: c.code, start: c.start, end: c.end });
    }
  };
  for (const quote of data.quotes.filter((q) => q.theme === theme)) {
    const document = study.documents.find((d) => d.caseName === quote.case);
    const first = quote.parts[0].normalize("NFC");
    const coding = document?.codings.find((c) => c.coder === "A" && c.code === theme && c.quote.includes(first));
    if (!document || !coding) throw new Error(`report-quotes.json: quotation "${quote.id}" is not coded "${theme}" by analyst A in ${quote.case}`);
    add(document.position, coding);
  }
  for (const document of study.documents) {
    if (pins.some((p) => p.documentPosition === document.position)) continue;
    const ofTheme = document.codings.filter((c) => c.code === theme);
    const agreed = ofTheme.find((a) => a.coder === "A" && ofTheme.some((b) => b.coder === "B" && a.start < b.end && b.start < a.end));
    if (agreed) add(document.position, agreed);
  }
  return pins;
}
