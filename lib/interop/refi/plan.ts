import { z } from "zod";
import { tally } from "./import-not-imported";
import type { RefiProject, RefiUser } from "./model";
import { planCases } from "./plan-cases";
import { planCodes } from "./plan-codes";
import { IMPORT_TEXT_LIMITS, shorten } from "./plan-limits";
import { planMemos } from "./plan-memos";
import { planSources } from "./plan-sources";
import { IMPORTER, type ImportPlan, type ImportWarning, type NotImported, type PlannedUser } from "./plan-types";
import type { TextLookup } from "./source-texts";

/**
 * RefiProject + source texts -> ImportPlan: everything resolved and checked, nothing
 * written. REFI-QDA users carry a name and an optional id, not an e-mail; when the id (or
 * name) is an e-mail address, as in Grounded's own exports, the writer matches it to an
 * account. Every user the file lists is planned, with codings or not: a coder who coded
 * nothing in the file still counts in agreement (and a re-export names them again).
 */
export function buildImportPlan(project: RefiProject, lookup: TextLookup, options: { fileName: string; projectName?: string }): ImportPlan {
  const warnings: ImportWarning[] = lookup.warnings.map((message) => ({ kind: "source", message }));
  const notImported: NotImported[] = [];
  const users = new Map<string, PlannedUser>();
  const plannedUser = (guid: string, user: RefiUser | undefined): PlannedUser => ({
    key: guid,
    name: shorten(user?.name?.trim() || user?.id?.trim() || `Coder ${guid.slice(0, 8)}`, IMPORT_TEXT_LIMITS.userName),
    email: emailOf(user?.id) ?? emailOf(user?.name),
  });
  for (const user of project.users) users.set(user.guid, plannedUser(user.guid, user));
  let unattributed = 0;
  const userKey = (refiUser: string | null): string => {
    if (refiUser === null) {
      unattributed++;
      return IMPORTER;
    }
    if (!users.has(refiUser)) {
      warnings.push({ kind: "user", message: `Work is credited to a user the file does not list (${refiUser}); an analyst "Coder ${refiUser.slice(0, 8)}" stands for them.` });
      users.set(refiUser, plannedUser(refiUser, undefined));
    }
    return refiUser;
  };
  const userName = (key: string) => (key === IMPORTER ? "you" : (users.get(key)?.name ?? key));

  const codes = planCodes(project.codes, warnings, options.fileName);
  const codeNames = new Map(codes.map((code) => [code.key, code.name]));
  const sources = planSources(project, lookup, { fileName: options.fileName, origin: project.origin, codeNames, userKey, userName, warnings, notImported });
  const knownSources = new Set([...project.textSources.flatMap((s) => [s.guid, ...s.aliases]), ...project.otherSources.map((s) => s.guid)]);
  const { attributes, cases, caseOfDocument } = planCases(
    project.variables,
    project.cases,
    { resolve: (ref) => sources.documentOf.get(ref) ?? null, known: (ref) => knownSources.has(ref) },
    warnings,
  );
  for (const document of sources.documents) document.caseKey = caseOfDocument.get(document.key) ?? null;
  const memos = planMemos(project, lookup.notes, sources, userKey, warnings, new Set(cases.map((c) => c.key)));

  const valuesOnSources = project.textSources.reduce((n, source) => n + source.variableValues, 0);
  if (valuesOnSources > 0) warnings.push({ kind: "ignored", message: `${valuesOnSources} variable value(s) are set on sources rather than cases; Grounded keeps attributes on cases, so they were not imported.` });
  const { sets, links, graphs } = project.ignored;
  for (const [count, what, kind] of [[sets, "set(s)", "set"], [links, "link(s)", "link"], [graphs, "graph(s)", "graph"]] as const) {
    if (count > 0) warnings.push({ kind: "ignored", message: `The file's ${count} ${what} were not imported; Grounded has no equivalent.` });
    tally(notImported, kind, count);
  }
  if (unattributed > 0) warnings.push({ kind: "user", message: `${unattributed} coding(s) or note(s) name no user; they were credited to you.` });

  return {
    name: options.projectName ?? (project.name || baseName(options.fileName)),
    description: project.description ?? "",
    origin: project.origin,
    users: [...users.values()],
    codes,
    attributes,
    cases,
    documents: sources.documents,
    codings: sources.codings,
    memos,
    positions: sources.positions,
    notImported,
    warnings,
  };
}

const email = z.string().trim().toLowerCase().email();

function emailOf(value: string | null | undefined): string | null {
  const parsed = email.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()!.replace(/\.(qdpx|qdc|qde)$/i, "") || fileName;
}
