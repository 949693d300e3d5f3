import type { CoderSelection } from "../analysis/coder-selection";
import { pageSelection } from "../analysis/page-selection";
import { authorizeProject } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import { AppError } from "../errors";
import { defaultCoderIds, getAgreement, listComparableCoders } from "../rigour/agreement";
import { mayUseScope } from "../rigour/permissions";
import { blindAtSomePoint } from "../rigour/data";
import { methodsParagraph } from "../rigour/methods";
import { type ReadScope, mayRead, readScope } from "../rigour/blind";
import { type FindingsReport, getFindingsReport } from "./data";

/**
 * The findings report as a reader of the published report gets it (the printed page, its
 * Markdown and its .docx): a title page with the study's name, description and date, a
 * methods section, and the findings. Analysts are named only when the reader asks
 * (`showCoders`); otherwise they are "Analyst 1", "Analyst 2" in the methods and not at all
 * on the quotes. Everything here comes through the reader's blind-coding scope.
 */

export type ReportCoder = { label: string; interviews: number; codings: number };

export type ReportMethods = {
  interviews: number;
  cases: number;
  /** The analysts whose codings the reader may see, with how many interviews each coded. */
  coders: ReportCoder[];
  /** The agreement paragraph (lib/rigour/methods.ts), or why there is none. */
  agreement: string;
};

export type PrintedReport = {
  title: string;
  description: string;
  generatedAt: Date;
  showCoders: boolean;
  methods: ReportMethods;
  report: FindingsReport;
};

export async function getPrintedReport(projectId: string, selection: CoderSelection, reader: ReadScope, options: { showCoders: boolean; now?: Date }): Promise<PrintedReport> {
  const [project, report, methods] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, description: true } }),
    getFindingsReport(projectId, selection, reader),
    getReportMethods(projectId, reader, options.showCoders),
  ]);
  if (!options.showCoders) for (const f of report.findings) for (const e of f.evidence) e.coderName = "";
  return { title: project.name, description: project.description, generatedAt: options.now ?? new Date(), showCoders: options.showCoders, methods, report };
}

/** Who coded how many interviews, counted only over the codings the reader may see, and agreement if it can be computed. */
export async function getReportMethods(projectId: string, reader: ReadScope, showCoders: boolean): Promise<ReportMethods> {
  const [interviews, cases, pairs] = await Promise.all([
    db().document.count({ where: { projectId } }),
    db().case.count({ where: { projectId } }),
    db().coding.groupBy({ by: ["coderId", "documentId"], where: { projectId, code: { deletedAt: null } }, _count: { _all: true } }),
  ]);
  const perCoder = new Map<string, { interviews: number; codings: number }>();
  for (const p of pairs) {
    if (!mayRead(reader, p)) continue;
    const c = perCoder.get(p.coderId) ?? perCoder.set(p.coderId, { interviews: 0, codings: 0 }).get(p.coderId)!;
    c.interviews++;
    c.codings += p._count._all;
  }
  const users = await db().user.findMany({ where: { id: { in: [...perCoder.keys()] } }, select: { id: true, name: true } });
  // Ordered by name so "Analyst 1" is the same person in every copy of the report.
  users.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const label = new Map(users.map((u, i) => [u.id, showCoders ? u.name : `Analyst ${i + 1}`]));
  const coders = users.map((u) => ({ label: label.get(u.id)!, ...perCoder.get(u.id)! }));
  return { interviews, cases, coders, agreement: await agreementParagraph(projectId, reader, label) };
}

async function agreementParagraph(projectId: string, reader: ReadScope, label: Map<string, string>): Promise<string> {
  const viewer = reader.viewer;
  const coderIds = defaultCoderIds(await listComparableCoders(projectId, viewer)).filter((id) => label.has(id));
  if (coderIds.length < 2) return "Agreement between analysts was not computed: fewer than two analysts' codings can be compared in this report.";
  let table = await getAgreement(projectId, { coderIds, unit: "segment", scope: "done" }, viewer);
  // Before anyone marks interviews done, an owner (who may, as on the agreement page) gets the
  // figures over every interview all analysts coded, said as such, rather than none at all.
  const overCoded = table.documents.length === 0 && mayUseScope(viewer.role, "coded");
  if (overCoded) table = await getAgreement(projectId, { coderIds, unit: "segment", scope: "coded" }, viewer);
  if (table.documents.length === 0) return "Agreement between analysts was not computed: no interview has been marked done by every analyst.";
  const blind = await blindAtSomePoint(projectId, table.documents.map((d) => d.id));
  const paragraph = methodsParagraph({ ...table, coders: table.coders.map((c) => ({ name: label.get(c.id)! })), documents: table.documents.length, blind });
  return overCoded ? `${paragraph} No interview is marked done yet, so these figures are over every interview the analysts have all coded; they may change as coding goes on.` : paragraph;
}

/**
 * The report a signed-in reader downloads (Markdown, .docx): their membership checked, whose
 * coding counts from ?coders= as the page takes it, analysts named only with ?showCoders=1.
 * A viewer whom blind coding keeps from every coding gets FORBIDDEN, as the page shows them nothing.
 */
export async function readerReport(user: CurrentUser, projectId: string, params: URLSearchParams): Promise<PrintedReport> {
  const ctx = await authorizeProject(user, projectId, "viewer");
  const viewer = { id: user.id, role: ctx.role };
  const { selection, hidden } = await pageSelection(projectId, viewer, params.get("coders") ?? undefined);
  if (hidden) throw new AppError("FORBIDDEN", "Blind coding is on: the report is hidden until an owner reveals the coding.");
  return getPrintedReport(projectId, selection, await readScope(projectId, viewer), { showCoders: params.get("showCoders") === "1" });
}
