import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import type { CurrentUser } from "../auth/session";
import { CODEBOOK_COPY_TX, writeCodebookCopy } from "../codes/copy-write";
import { db } from "../db/client";
import { newRowId } from "../db/row-id";
import { AppError, notFound } from "../errors";
import { findMembership } from "./data";
import { canCopyCodebookFrom } from "./permissions";
import type { CreateProjectInput, InviteMemberInput } from "./schema";

export type Invitation = { email: string; role: InviteMemberInput["role"]; message: string };

/** What the owner is told, the same words whether or not the address has an account. */
export const invitationMessage = (email: string, role: string) =>
  `Invitation recorded for ${email} as ${role}. They get access when they sign in with that address; if they have no account yet, the server's administrator creates one (npm run user:create).`;

/**
 * Invites an e-mail address to the project. The answer, the rows written and the audit
 * entry are the same whether or not an account exists for the address, so an owner cannot
 * use this form to learn who has an account (issue #13). The invitation becomes a
 * membership when that person signs in or an account is made for them (invitations.ts).
 * Inviting again updates the role. A current member is a CONFLICT: the owner sees the
 * member list anyway.
 */
export async function inviteMember(ctx: ProjectContext, input: InviteMemberInput): Promise<Invitation> {
  return db().$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { projectId: ctx.projectId, user: { email: input.email } }, select: { role: true } });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this project (${member.role}).`);
    const invitation = await tx.projectInvitation.upsert({
      where: { projectId_email: { projectId: ctx.projectId, email: input.email } },
      create: { projectId: ctx.projectId, email: input.email, role: input.role, invitedById: ctx.user.id },
      update: { role: input.role, invitedById: ctx.user.id },
    });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "invitation.create", entity: "ProjectInvitation", entityId: invitation.id, after: { email: invitation.email, role: invitation.role } });
    return { email: invitation.email, role: invitation.role, message: invitationMessage(invitation.email, invitation.role) };
  });
}

export type CreatedProject = { projectId: string; name: string; codes: number };

/**
 * A new project owned by its creator, empty or with a copy of the codebook of another project
 * the creator works in (analyst or owner: the same projects the form offers; NOT_FOUND for one
 * they are not in). Only the codes are copied, with their tree, definitions, colours, shortcut
 * keys and positions: no documents, codings or memos. One transaction, audited with the
 * source project's id.
 */
export async function createProject(user: CurrentUser, input: CreateProjectInput): Promise<CreatedProject> {
  const sourceId = input.codebookFrom ?? null;
  if (sourceId) await checkCodebookSource(user, sourceId);
  return db().$transaction(async (tx) => {
    const projectId = newRowId();
    const project = await tx.project.create({ data: { id: projectId, name: input.name, description: input.description }, select: { id: true, name: true, description: true } });
    const membership = await tx.membership.create({ data: { projectId, userId: user.id, role: "owner" } });
    const codes = sourceId ? (await writeCodebookCopy(tx, sourceId, projectId)).created : 0;
    const codebook = sourceId ? { copiedFrom: sourceId, codes } : null;
    await recordAudit(tx, { projectId, actorId: user.id, action: "project.create", entity: "Project", entityId: projectId, after: { ...project, owner: user.id, membershipId: membership.id, codebook } });
    return { projectId, name: project.name, codes };
  }, CODEBOOK_COPY_TX);
}

export async function checkCodebookSource(user: CurrentUser, sourceId: string): Promise<void> {
  const membership = await findMembership(user.id, sourceId);
  // Not a member: the same answer as for an id that does not exist.
  if (!membership) throw notFound("That project");
  if (!canCopyCodebookFrom(membership.role)) {
    throw new AppError("FORBIDDEN", "Viewers cannot copy a project's codebook. Ask one of its owners to make you an analyst.", { codebookFrom: ["Viewers cannot copy this project's codebook."] });
  }
}
