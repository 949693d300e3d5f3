import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { lockAttribute, lockNames } from "./locks";
import { describeRetype, planRetype, showValue, storedScalar, type RetypePlan, type RetypeRow } from "./retype";
import type { CreateAttributeInput, DeleteAttributeInput, PreviewRetypeInput, RenameAttributeInput, RetypeAttributeInput, SetAttributeDisplayNameInput } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * An owner's changes to the attributes (the case sheet's columns), each audited in its own
 * transaction. Retyping converts the values in the same transaction as the type changes, so
 * no reader ever sees a number attribute holding text.
 */

async function refuseDuplicateAttribute(tx: Tx, projectId: string, name: string, exceptId?: string) {
  const clash = await tx.attributeDefinition.findFirst({ where: { projectId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (clash) {
    const message = `An attribute named “${clash.name}” already exists in this project; attribute names must differ by more than capitals.`;
    throw new AppError("CONFLICT", message, { name: [message] });
  }
}

export async function createAttribute(ctx: ProjectContext, input: CreateAttributeInput) {
  return db().$transaction(async (tx) => {
    await lockNames(tx, ctx.projectId, "attribute");
    await refuseDuplicateAttribute(tx, ctx.projectId, input.name);
    const last = await tx.attributeDefinition.aggregate({ where: { projectId: ctx.projectId }, _max: { position: true } });
    const created = await tx.attributeDefinition.create({
      data: { projectId: ctx.projectId, name: input.name, type: input.type, categories: input.type === "category" ? input.categories : [], position: (last._max.position ?? -1) + 1 },
      select: { id: true, name: true, type: true, categories: true },
    });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "attribute.create", entity: "AttributeDefinition", entityId: created.id, after: created });
    return created;
  }, TEAM_WRITE);
}

export async function renameAttribute(ctx: ProjectContext, input: RenameAttributeInput) {
  return db().$transaction(async (tx) => {
    await lockNames(tx, ctx.projectId, "attribute");
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "update");
    await refuseDuplicateAttribute(tx, ctx.projectId, input.name, attribute.id);
    const after = await tx.attributeDefinition.update({ where: { id: attribute.id }, data: { name: input.name }, select: { id: true, name: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "attribute.rename", entity: "AttributeDefinition", entityId: attribute.id, before: { id: attribute.id, name: attribute.name }, after });
    return after;
  }, TEAM_WRITE);
}

/**
 * Sets the label reports and tables show for an attribute. The name is left alone: imports,
 * exports and backups match columns on it, so a friendlier label must not break them.
 */
export async function setAttributeDisplayName(ctx: ProjectContext, input: SetAttributeDisplayNameInput) {
  return db().$transaction(async (tx) => {
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "update");
    const before = await tx.attributeDefinition.findUniqueOrThrow({ where: { id: attribute.id }, select: { id: true, name: true, displayName: true } });
    const after = await tx.attributeDefinition.update({ where: { id: attribute.id }, data: { displayName: input.displayName }, select: { id: true, name: true, displayName: true } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "attribute.display_name", entity: "AttributeDefinition", entityId: attribute.id, before, after });
    return after;
  }, TEAM_WRITE);
}

export type DeletedAttribute = { name: string; values: number };

/** Deletes an attribute and every case's value of it (stated to the owner before they confirm). */
export async function deleteAttribute(ctx: ProjectContext, input: DeleteAttributeInput): Promise<DeletedAttribute> {
  return db().$transaction(async (tx) => {
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "update");
    const values = await tx.attributeValue.findMany({ where: { attributeId: attribute.id }, select: { case: { select: { name: true } }, textValue: true, numberValue: true, booleanValue: true } });
    await tx.attributeDefinition.delete({ where: { id: attribute.id } });
    const before = { ...attribute, values: values.map((v) => ({ case: v.case.name, value: storedScalar(v) })) };
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "attribute.delete", entity: "AttributeDefinition", entityId: attribute.id, before });
    return { name: attribute.name, values: values.length };
  }, TEAM_WRITE);
}

async function retypeRows(tx: Tx, attributeId: string): Promise<RetypeRow[]> {
  const rows = await tx.attributeValue.findMany({
    where: { attributeId },
    select: { id: true, caseId: true, case: { select: { name: true } }, textValue: true, numberValue: true, booleanValue: true },
    orderBy: { case: { name: "asc" } },
  });
  return rows.map((r) => ({ valueId: r.id, caseId: r.caseId, caseName: r.case.name, value: storedScalar(r)! }));
}

export type RetypePreview = { converted: number; cleared: number; categories: string[]; message: string; problem: string | null };

const previewOf = (plan: RetypePlan): RetypePreview => ({ converted: plan.converted.length, cleared: plan.cleared.length, categories: plan.categories, message: describeRetype(plan), problem: plan.problem });

/** What a retype would do, for the owner to read before confirming. Writes nothing. */
export async function previewRetype(ctx: ProjectContext, input: PreviewRetypeInput): Promise<RetypePreview> {
  return db().$transaction(async (tx) => {
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "share");
    return previewOf(planRetype(attribute.type, input.type, input.categories, await retypeRows(tx, attribute.id)));
  });
}

/**
 * Changes an attribute's type (or a category attribute's categories), converting each value
 * that has a reading in the new type and clearing the rest, as planRetype says. With `expect`
 * (the figures of the preview the owner confirmed), a plan that now differs is refused as a
 * CONFLICT carrying the new preview: no value is cleared that the owner was not told about.
 */
export async function retypeAttribute(ctx: ProjectContext, input: RetypeAttributeInput): Promise<RetypePreview> {
  return db().$transaction(async (tx) => {
    const attribute = await lockAttribute(tx, ctx.projectId, input.attributeId, "update");
    const plan = planRetype(attribute.type, input.type, input.categories, await retypeRows(tx, attribute.id));
    if (plan.problem) throw new AppError("VALIDATION", plan.problem, { categories: [plan.problem] });
    const preview = previewOf(plan);
    if (input.expect && (input.expect.converted !== preview.converted || input.expect.cleared !== preview.cleared)) {
      throw new AppError("CONFLICT", `The values changed since you looked: ${preview.message} Confirm again to go ahead.`, undefined, preview);
    }
    if (plan.cleared.length > 0) await tx.attributeValue.deleteMany({ where: { id: { in: plan.cleared.map((c) => c.valueId) } } });
    await tx.attributeDefinition.update({ where: { id: attribute.id }, data: { type: input.type, categories: plan.categories } });
    if (plan.converted.length > 0) {
      const ids = plan.converted.map((c) => c.valueId);
      const at = (kind: "string" | "number" | "boolean") => plan.converted.map((c) => (typeof c.after === kind ? c.after : null));
      // One statement for every value, whatever their number; exactly one column is set per row (the CHECK holds).
      await tx.$executeRaw`
        UPDATE "AttributeValue" v SET "textValue" = u.t, "numberValue" = u.n, "booleanValue" = u.b
        FROM unnest(${ids}::text[], ${at("string")}::text[], ${at("number")}::float8[], ${at("boolean")}::boolean[]) AS u(id, t, n, b)
        WHERE v.id = u.id`;
    }
    await recordAudit(tx, {
      projectId: ctx.projectId,
      actorId: ctx.user.id,
      action: "attribute.retype",
      entity: "AttributeDefinition",
      entityId: attribute.id,
      before: { name: attribute.name, type: attribute.type, categories: attribute.categories },
      after: {
        name: attribute.name,
        type: input.type,
        categories: plan.categories,
        converted: plan.converted.length,
        cleared: plan.cleared.map((c) => ({ case: c.caseName, value: showValue(c.before) })),
      },
    });
    return preview;
  }, TEAM_WRITE);
}
