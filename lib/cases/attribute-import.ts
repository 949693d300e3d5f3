import { z } from "zod";
import { recordAudit } from "../audit/record";
import { authorizeProject } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { db } from "../db/client";
import type { AttributeType } from "../db/generated/enums";
import { CODE_TEXT_MAX } from "../codes/schema";
import { CASE_NAME_MAX } from "../documents/import-schema";
import { AppError } from "../errors";
import { inferAttributeType, parseBoolean, parseNumber } from "./infer-types";
import { parseInWorker } from "../workers/parse";
import type { Sheet } from "./sheet";

export type AttributeColumnPreview = { name: string; inferred: AttributeType; existing: AttributeType | null; sample: string[] };
export type AttributeSheetPreview = {
  fileName: string;
  caseColumn: string;
  rows: number;
  columns: AttributeColumnPreview[];
  matchedCases: number;
  unknownCases: string[];
};

export const attributeSheetOptionsSchema = z.object({
  projectId: z.string().min(1).max(64),
  columns: z.array(z.object({ name: z.string().min(1).max(200), type: z.enum(["text", "number", "category", "boolean"]), include: z.boolean() })).min(1),
  createMissingCases: z.boolean().default(false),
});

/** The first column names the case; every other column is an attribute. */
export async function previewAttributeSheet(user: CurrentUser, projectId: string, file: File): Promise<AttributeSheetPreview> {
  await authorizeProject(user, projectId, "owner");
  const sheet = await readSheetInWorker(file);
  const [cases, attributes] = await Promise.all([
    db().case.findMany({ where: { projectId }, select: { name: true } }),
    db().attributeDefinition.findMany({ where: { projectId }, select: { name: true, type: true } }),
  ]);
  const known = new Set(cases.map((c) => c.name.toLowerCase()));
  const existing = new Map(attributes.map((a) => [a.name.toLowerCase(), a.type]));
  const names = sheet.rows.map((r) => r[0]).filter(Boolean);
  return {
    fileName: file.name,
    caseColumn: sheet.columns[0],
    rows: sheet.rows.length,
    columns: sheet.columns.slice(1).map((name, i) => {
      const values = sheet.rows.map((r) => r[i + 1]);
      return { name, inferred: inferAttributeType(values), existing: existing.get(name.toLowerCase()) ?? null, sample: [...new Set(values.filter(Boolean))].slice(0, 4) };
    }),
    matchedCases: names.filter((n) => known.has(n.toLowerCase())).length,
    unknownCases: names.filter((n) => !known.has(n.toLowerCase())),
  };
}

/**
 * Stores the confirmed columns for the sheet's cases, all or nothing: a value that does not
 * fit its column's type stops the import with the row and column named. Rows naming an
 * unknown case are skipped and listed, unless createMissingCases says to create them.
 */
export async function commitAttributeSheet(user: CurrentUser, rawOptions: unknown, file: File) {
  const parsed = attributeSheetOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const options = parsed.data;
  const ctx = await authorizeProject(user, options.projectId, "owner");
  const sheet = await readSheetInWorker(file);
  const chosen = options.columns.filter((c) => c.include);
  const indexOf = (name: string) => {
    const i = sheet.columns.indexOf(name);
    if (i < 1) throw new AppError("VALIDATION", `${file.name} has no column "${name}".`);
    return i;
  };
  const columns = chosen.map((c) => ({ ...c, index: indexOf(c.name) }));
  const values = convertValues(file.name, sheet, columns);

  return db().$transaction(async (tx) => {
    const cases = new Map((await tx.case.findMany({ where: { projectId: ctx.projectId }, select: { id: true, name: true } })).map((c) => [c.name.toLowerCase(), c.id]));
    const skipped: string[] = [];
    const created: string[] = [];
    const caseIds: (string | null)[] = [];
    for (const row of sheet.rows) {
      const name = row[0];
      let id = name ? cases.get(name.toLowerCase()) : undefined;
      if (!id && name && options.createMissingCases) {
        id = (await tx.case.create({ data: { projectId: ctx.projectId, name } })).id;
        cases.set(name.toLowerCase(), id);
        created.push(name);
      } else if (!id) skipped.push(name || "(blank case name)");
      caseIds.push(id ?? null);
    }
    const position = (await tx.attributeDefinition.aggregate({ where: { projectId: ctx.projectId }, _max: { position: true } }))._max.position ?? -1;
    let written = 0;
    for (const [k, column] of columns.entries()) {
      const categories = column.type === "category" ? [...new Set(values.map((row) => row[k]).filter((v): v is string => typeof v === "string"))] : [];
      const existing = await tx.attributeDefinition.findFirst({ where: { projectId: ctx.projectId, name: { equals: column.name, mode: "insensitive" } } });
      if (existing && existing.type !== column.type) {
        throw new AppError("VALIDATION", `"${column.name}" is already a ${existing.type} attribute in this project; import it as ${existing.type} or rename the column.`);
      }
      const definition = existing
        ? await tx.attributeDefinition.update({ where: { id: existing.id }, data: { categories: [...new Set([...existing.categories, ...categories])] } })
        : await tx.attributeDefinition.create({ data: { projectId: ctx.projectId, name: column.name, type: column.type, categories, position: position + 1 + k } });
      for (const [r, caseId] of caseIds.entries()) {
        const value = values[r][k];
        if (!caseId || value === null) continue;
        const data = typeof value === "number" ? { numberValue: value, textValue: null, booleanValue: null } : typeof value === "boolean" ? { booleanValue: value, textValue: null, numberValue: null } : { textValue: value, numberValue: null, booleanValue: null };
        await tx.attributeValue.upsert({
          where: { caseId_attributeId: { caseId, attributeId: definition.id } },
          create: { projectId: ctx.projectId, caseId, attributeId: definition.id, ...data },
          update: data,
        });
        written++;
      }
    }
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "attributes.import", entity: "Project", entityId: ctx.projectId, after: { file: file.name, columns: chosen, written, skipped, created } });
    return { written, skippedCases: skipped, createdCases: created };
  });
}

// The sheet is parsed in the parse worker, within its memory and time limits.
const readSheetInWorker = async (file: File) => parseInWorker("sheet", { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { fileName: file.name });

type Value = string | number | boolean | null;

// The limits of the app's own forms (and of a REFI-QDA import, lib/interop/refi/plan-limits.ts).
const CATEGORY_VALUE_MAX = 200;
const TEXT_VALUE_MAX = CODE_TEXT_MAX;

function convertValues(fileName: string, sheet: Sheet, columns: { name: string; type: AttributeType; index: number }[]): Value[][] {
  return sheet.rows.map((row, r) => {
    const caseName = row[0]?.trim() ?? "";
    if (caseName.length > CASE_NAME_MAX) {
      throw new AppError("VALIDATION", `${fileName}, row ${r + 2}: the case name has ${caseName.length.toLocaleString("en")} characters; case names are limited to ${CASE_NAME_MAX}. Nothing was imported.`);
    }
    return columns.map((column) => {
      const raw = row[column.index].trim();
      if (raw === "") return null;
      const where = `${fileName}, row ${r + 2}, column "${column.name}"`;
      const max = column.type === "category" ? CATEGORY_VALUE_MAX : TEXT_VALUE_MAX;
      if ((column.type === "category" || column.type === "text") && raw.length > max) {
        throw new AppError("VALIDATION", `${where}: the value has ${raw.length.toLocaleString("en")} characters; ${column.type} values are limited to ${max.toLocaleString("en")}. Nothing was imported.`);
      }
      if (column.type === "number") {
        const n = parseNumber(raw);
        if (n === null) throw new AppError("VALIDATION", `${where}: "${raw}" is not a number. Fix the sheet or import the column as text.`);
        return n;
      }
      if (column.type === "boolean") {
        const b = parseBoolean(raw);
        if (b === null) throw new AppError("VALIDATION", `${where}: "${raw}" is not yes/no. Fix the sheet or import the column as text.`);
        return b;
      }
      return raw;
    });
  });
}
