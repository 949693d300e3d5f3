import { z } from "zod";
import type { RefiProject } from "./model";
import { planCases } from "./plan-cases";
import { planCodes } from "./plan-codes";
import { IMPORT_TEXT_LIMITS, shorten } from "./plan-limits";
import { planMemos } from "./plan-memos";
import { planSources } from "./plan-sources";
import { IMPORTER, type ImportPlan, type ImportWarning, type PlannedUser } from "./plan-types";
import type { TextLookup } from "./source-texts";

/**
 * RefiProject + source texts -> ImportPlan: everything resolved and checked, nothing
 * written. REFI-QDA users carry a name and an optional id, not an e-mail; when the id (or
 * name) is an e-mail address, as in Grounded's own exports, the writer matches it to an
 * account. Only users the file credits with a coding or a note are planned.
 */
export function buildImportPlan(project: RefiProject, lookup: TextLookup, options: { fileName: string; projectName?: string }): ImportPlan {
  const warnings: ImportWarning[] = lookup.warnings.map((message) => ({ kind: "source", message }));
  const listed = new Map(project.users.map((user) => [user.guid, user]));
  const users = new Map<string, PlannedUser>();
  let unattributed = 0;
  const userKey = (refiUser: string | null): string => {
    if (refiUser === null) {
      unattributed++;
      return IMPORTER;
    }
    if (!users.has(refiUser)) {
      const user = listed.get(refiUser);
      if (!user) warnings.push({ kind: "user", message: `Work is credited to a user the file does not list (${refiUser}); an analyst "Coder ${refiUser.slice(0, 8)}" stands for them.` });
      users.set(refiUser, { key: refiUser, name: shorten(user?.name?.trim() || user?.id?.trim() || `Coder ${refiUser.slice(0, 8)}`, IMPORT_TEXT_LIMITS.userName), email: emailOf(user?.id) ?? emailOf(user?.name) });
    }
    return refiUser;
  };

  const codes = planCodes(project.codes, warnings, options.fileName);
  const codeNames = new Map(codes.map((code) => [code.key, code.name]));
  const sources = planSources(project, lookup, { fileName: options.fileName, codeNames, userKey, warnings });
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
  for (const [count, what] of [[sets, "set(s)"], [links, "link(s)"], [graphs, "graph(s)"]] as const) {
    if (count > 0) warnings.push({ kind: "ignored", message: `The file's ${count} ${what} were not imported; Grounded has no equivalent.` });
  }
  if (unattributed > 0) warnings.push({ kind: "user", message: `${unattributed} coding(s) or note(s) name no user; they were credited to you.` });
  const idle = project.users.filter((user) => !users.has(user.guid)).length;
  if (idle > 0) warnings.push({ kind: "user", message: `${idle} user(s) listed in the file have no codings or notes in it and were not added to the project.` });

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
