import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { memoReader } from "../memos/data";
import type { Viewer } from "../rigour/blind";
import { HISTORY_KINDS, KIND_PREFIXES, type HistoryKind } from "./kinds";

/**
 * The one query behind every view of the audit log (the history page, a coding's history, a
 * restore's lookup), with blind coding applied in SQL: filtering after the query would make
 * short pages and break keyset paging. Paged by (createdAt, id), newest first, on the
 * (projectId, createdAt) index; the JSON filters are checked on the rows that index walks.
 */

export type EventRow = {
  id: bigint;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
};

export type EventQuery = {
  person?: string;
  kind?: HistoryKind;
  documentId?: string;
  codeId?: string;
  codingId?: string;
  eventId?: bigint;
  /** Whole days in UTC, both included. */
  from?: string;
  to?: string;
  older?: Cursor;
  newer?: Cursor;
  limit?: number;
};

export type Cursor = { at: string; id: bigint };

/**
 * Who may read which events under blind coding (lib/rigour/blind.ts), or null for no limit: an
 * owner, or a project where nothing is blind. `me` is the analyst (a viewer has no own work);
 * `openDocumentIds` the documents whose codings the reader sees in full; `ownerIds` the owners,
 * whose memos everyone reads (lib/memos/visibility.ts).
 */
export type BlindRule = { me: string | null; openDocumentIds: string[]; ownerIds: string[] } | null;

export async function blindRule(projectId: string, viewer: Viewer): Promise<BlindRule> {
  if (viewer.role === "owner") return null;
  const { scope, ownerIds } = await memoReader(projectId, viewer);
  if (scope.everywhere === "all") return null;
  const open = [...scope.documents].filter(([, v]) => v === "all").map(([id]) => id);
  return { me: viewer.role === "analyst" ? viewer.id : null, openDocumentIds: open, ownerIds: [...ownerIds] };
}

export const cursorOf = (row: { createdAt: Date; id: bigint }) => `${row.createdAt.toISOString()}_${row.id}`;
export function parseCursor(value: string | undefined): Cursor | undefined {
  const match = value?.match(/^(.+Z)_(\d+)$/);
  return match ? { at: match[1]!, id: BigInt(match[2]!) } : undefined;
}

const A = (key: string) => Prisma.sql`e."after"->>${key}`;
const B = (key: string) => Prisma.sql`e."before"->>${key}`;
const DOCUMENT = Prisma.sql`COALESCE(${A("documentId")}, ${B("documentId")}, e."after"->'decision'->>'documentId', e."before"->'decision'->>'documentId')`;

function blindCondition(rule: NonNullable<BlindRule>): Prisma.Sql {
  const open = Prisma.sql`${rule.openDocumentIds}::text[]`;
  const me = Prisma.sql`${rule.me}::text`;
  const readableCoding = (id: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "Coding" c WHERE c.id = ${id} AND (c."documentId" = ANY(${open}) OR c."coderId" = ${me}))`;
  const author = Prisma.sql`COALESCE(${A("authorId")}, ${B("authorId")})`;
  const memoCoding = Prisma.sql`COALESCE(${A("codingId")}, ${B("codingId")})`;
  const coder = Prisma.sql`COALESCE(${A("coderId")}, ${B("coderId")})`;
  const openDocument = Prisma.sql`COALESCE(${DOCUMENT} = ANY(${open}), false)`;
  // A coding event that does not name its coder (a correction's re-placing) is judged by the coding as it is now.
  return Prisma.sql`(CASE e.entity
    WHEN 'Coding' THEN CASE WHEN ${coder} IS NULL THEN ${readableCoding(Prisma.sql`e."entityId"`)}
      ELSE ${openDocument} OR COALESCE(${coder} = ${me}, false) END
    WHEN 'CodingCorrection' THEN ${openDocument} OR COALESCE(${coder} = ${me}, false)
    WHEN 'CodingBatch' THEN COALESCE(e."actorId" = ${me}, false)
    WHEN 'AdjudicationDecision' THEN ${openDocument}
    WHEN 'ConsensusCoding' THEN ${openDocument}
    WHEN 'RepresentativeQuote' THEN ${readableCoding(Prisma.sql`e."entityId"`)}
    WHEN 'Memo' THEN (COALESCE(${author} = ANY(${rule.ownerIds}::text[]), false) OR COALESCE(${author} = ${me}, false))
      AND (${memoCoding} IS NULL OR ${readableCoding(memoCoding)})
    ELSE true END)`;
}

function kindCondition(kind: HistoryKind): Prisma.Sql {
  const prefix = Prisma.sql`split_part(e.action, '.', 1)`;
  if (kind !== "project") return Prisma.sql`${prefix} = ANY(${KIND_PREFIXES[kind]}::text[])`;
  const all = HISTORY_KINDS.filter((k) => k !== "project").flatMap((k) => KIND_PREFIXES[k as Exclude<HistoryKind, "project">]);
  return Prisma.sql`NOT (${prefix} = ANY(${all}::text[]))`;
}

/** The conditions, each a plain statement about the row (tests/db/history restates them in TypeScript). */
export function conditions(projectId: string, q: EventQuery, rule: BlindRule): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e."projectId" = ${projectId}`];
  if (q.eventId !== undefined) where.push(Prisma.sql`e.id = ${q.eventId}`);
  if (q.person) where.push(Prisma.sql`e."actorId" = ${q.person}`);
  if (q.kind) where.push(kindCondition(q.kind));
  if (q.documentId) {
    const d = q.documentId;
    where.push(Prisma.sql`((e.entity = 'Document' AND e."entityId" = ${d}) OR ${A("documentId")} = ${d} OR ${B("documentId")} = ${d}
      OR e."after"->'decision'->>'documentId' = ${d} OR e."before"->'decision'->>'documentId' = ${d})`);
  }
  if (q.codeId) {
    const c = q.codeId;
    where.push(Prisma.sql`((e.entity = 'Code' AND e."entityId" = ${c}) OR ${A("codeId")} = ${c} OR ${B("codeId")} = ${c} OR e."after"->'code'->>'id' = ${c}
      OR e."after"->'decision'->>'codeId' = ${c} OR e."before"->'decision'->>'codeId' = ${c} OR ${A("mergedInto")} = ${c} OR ${A("newCodeId")} = ${c})`);
  }
  if (q.codingId) {
    const c = q.codingId;
    where.push(Prisma.sql`((e.entity IN ('Coding', 'RepresentativeQuote') AND e."entityId" = ${c})
      OR (e.entity = 'Memo' AND COALESCE(${A("codingId")}, ${B("codingId")}) = ${c})
      OR (e.entity = 'Finding' AND (${A("codingId")} = ${c} OR ${B("codingId")} = ${c})))`);
  }
  // createdAt is a timestamp in UTC without a zone: compared with UTC text, the zone dropped.
  if (q.from) where.push(Prisma.sql`e."createdAt" >= ${`${q.from}T00:00:00.000Z`}::timestamp(3)`);
  if (q.to) where.push(Prisma.sql`e."createdAt" < (${`${q.to}T00:00:00.000Z`}::timestamp(3) + interval '1 day')`);
  if (q.older) where.push(Prisma.sql`(e."createdAt", e.id) < (${q.older.at}::timestamp(3), ${q.older.id})`);
  if (q.newer) where.push(Prisma.sql`(e."createdAt", e.id) > (${q.newer.at}::timestamp(3), ${q.newer.id})`);
  if (rule) where.push(blindCondition(rule));
  return where;
}

/** Up to `limit` events, newest first (when paging towards newer ones, the ones just newer than the cursor). */
export async function queryEvents(projectId: string, q: EventQuery, rule: BlindRule): Promise<EventRow[]> {
  const limit = q.limit ?? 50;
  const order = q.newer ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db().$queryRaw<EventRow[]>`
    SELECT e.id, e."createdAt", e."actorId", u.name AS "actorName", e.action, e.entity, e."entityId", e."before", e."after"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE ${Prisma.join(conditions(projectId, q, rule), " AND ")}
    ORDER BY e."createdAt" ${order}, e.id ${order}
    LIMIT ${limit}`;
  return q.newer ? rows.reverse() : rows;
}
