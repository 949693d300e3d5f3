import type { Db } from "../../lib/db/client";

export type LargeCodebookSize = { tag: string; codes: number; documents: number; codings: number; passwordHash: string };

/**
 * A project "<tag>-project" with a codebook of about `codes` codes in three levels (roots x
 * children x grandchildren, ids <tag>-c-<r>[-<k>[-<g>]]), each with a one-line definition as
 * imports carry; an owner "<tag>-owner" (owner@bench.test) and two analysts "<tag>-analyst-1/2";
 * `documents` interviews with a case each (attribute "<tag>-sector"); `codings` codings at
 * random over the codes (one in ten on a child, the rest on grandchildren) and the documents.
 * Generated in SQL (seconds, not minutes of round trips); setseed makes reruns the same.
 */
export async function generateLargeCodebook(prisma: Db, size: LargeCodebookSize): Promise<{ projectId: string; levels: string }> {
  const { tag: TAG, codes: CODES, documents: DOCS, codings: CODINGS, passwordHash } = size;
  const roots = Math.max(1, Math.round(Math.cbrt(CODES) / 1.1));
  const perRoot = roots;
  const perChild = Math.max(1, Math.round((CODES - roots - roots * perRoot) / (roots * perRoot)));
  const projectId = `${TAG}-project`;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT setseed(0.13)`;
      await tx.project.create({ data: { id: projectId, name: `Codebook of ${CODES} codes` } });
      await tx.user.create({ data: { id: `${TAG}-owner`, email: `owner@${TAG}.test`, name: "Owner", passwordHash } });
      await tx.$executeRaw`
        INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
        SELECT ${TAG} || '-analyst-' || i, 'analyst' || i || '@' || ${TAG} || '.test', 'Analyst ' || i, ${passwordHash}, now() FROM generate_series(1, 2) AS i`;
      await tx.$executeRaw`
        INSERT INTO "Membership" (id, "projectId", "userId", role)
        SELECT ${TAG} || '-m-' || u.id, ${projectId}, u.id, CASE WHEN u.id = ${`${TAG}-owner`} THEN 'owner' ELSE 'analyst' END::"MemberRole"
        FROM "User" u WHERE u.id LIKE ${`${TAG}-%`}`;
      await tx.attributeDefinition.create({ data: { id: `${TAG}-sector`, projectId, name: "sector", type: "category", categories: ["academia", "startup", "services"] } });
      await tx.$executeRaw`INSERT INTO "Case" (id, "projectId", name) SELECT ${TAG} || '-case-' || i, ${projectId}, 'C' || i FROM generate_series(1, ${DOCS}) AS i`;
      await tx.$executeRaw`
        INSERT INTO "AttributeValue" (id, "projectId", "caseId", "attributeId", "textValue")
        SELECT ${TAG} || '-v-' || i, ${projectId}, ${TAG} || '-case-' || i, ${`${TAG}-sector`}, (ARRAY['academia','startup','services'])[1 + i % 3]
        FROM generate_series(1, ${DOCS}) AS i`;
      await tx.$executeRaw`
        INSERT INTO "Document" (id, "projectId", "caseId", title, text, "textLength", checksum, "sourceFormat", position)
        SELECT ${TAG} || '-doc-' || i, ${projectId}, ${TAG} || '-case-' || i, 'Interview ' || i, t.text, char_length(t.text), md5(t.text), 'text', i
        FROM generate_series(1, ${DOCS}) AS i
        CROSS JOIN LATERAL (SELECT left(repeat('Interviewer: why this cloud? Respondent ' || i || ': the cost, the people, the data. ', 400), 20000) AS text) AS t`;
      // Ids c-<r>, c-<r>-<k>, c-<r>-<k>-<g>; every code with a one-line definition as imports carry.
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, description, position, "updatedAt")
        SELECT ${TAG} || '-c-' || r, ${projectId}, NULL, 'Theme ' || r, 'What participants said about theme ' || r || ', in their own words.', r, now()
        FROM generate_series(1, ${roots}) AS r`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, description, position, "updatedAt")
        SELECT ${TAG} || '-c-' || r || '-' || k, ${projectId}, ${TAG} || '-c-' || r, 'Sub-theme ' || r || '.' || k, 'A facet of theme ' || r || ' (' || k || '), as coded.', k, now()
        FROM generate_series(1, ${roots}) AS r CROSS JOIN generate_series(1, ${perRoot}) AS k`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, description, position, "updatedAt")
        SELECT ${TAG} || '-c-' || r || '-' || k || '-' || g, ${projectId}, ${TAG} || '-c-' || r || '-' || k, 'Code ' || r || '.' || k || '.' || g,
               'A detail of sub-theme ' || r || '.' || k || ': the ' || g || 'th thing people mentioned.', g, now()
        FROM generate_series(1, ${roots}) AS r CROSS JOIN generate_series(1, ${perRoot}) AS k CROSS JOIN generate_series(1, ${perChild}) AS g`;
      // As synthetic-study.ts: quotes are cut from the same text, so the per-row span check is off for the bulk insert.
      await tx.$executeRaw`ALTER TABLE "Coding" DISABLE TRIGGER "Coding_span_in_document"`;
      await tx.$executeRaw`
        INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt")
        SELECT ${TAG} || '-k-' || k.n, ${projectId}, d.id, k.code_id, k.coder_id, k.s, k.s + k.len, substring(d.text FROM k.s + 1 FOR k.len), now()
        FROM (
          SELECT n, ${TAG} || '-doc-' || (1 + floor(random() * ${DOCS})::int) AS document_id,
                 ${TAG} || '-c-' || (1 + floor(random() * ${roots})::int) || '-' || (1 + floor(random() * ${perRoot})::int)
                   || CASE WHEN n % 10 = 0 THEN '' ELSE '-' || (1 + floor(random() * ${perChild})::int) END AS code_id,
                 ${TAG} || '-analyst-' || (1 + n % 2) AS coder_id,
                 floor(random() * (20000 - 400))::int AS s, 50 + floor(random() * 350)::int AS len
          FROM generate_series(1, ${CODINGS}) AS n
        ) AS k JOIN "Document" d ON d.id = k.document_id
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`ALTER TABLE "Coding" ENABLE TRIGGER "Coding_span_in_document"`;
    },
    { timeout: 1_800_000, maxWait: 60_000 },
  );
  await prisma.$executeRaw`VACUUM ANALYZE`;
  return { projectId, levels: `${roots} x ${perRoot} x ${perChild}` };
}

