import type { Db } from "../../lib/db/client";

export type SyntheticSize = { documents: number; codings: number; analysts: number; textLength: number };

/**
 * Generates a study shaped like a real one, at scale, inside PostgreSQL (generate_series and
 * random()) so 200,000 codings take seconds rather than minutes of round trips: one case per
 * interview with a sector (category) and a project count (number), a two-level codebook of 10
 * themes x 5 sub-codes, analysts coding passages of 50..400 characters at random places, so
 * codings overlap within and across analysts as they do in practice. setseed() makes reruns
 * generate the same study. Returns the project id.
 */
export async function generateSyntheticStudy(prisma: Db, size: SyntheticSize): Promise<string> {
  const tag = `bench-${size.documents}x${size.codings}`;
  const projectId = `${tag}-project`;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT setseed(0.42)`;
      await tx.project.create({ data: { id: projectId, name: `Synthetic study ${size.documents} x ${size.codings}` } });
      await tx.$executeRaw`
        INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
        SELECT ${tag} || '-analyst-' || i, ${tag} || '-analyst-' || i || '@bench.test', 'Analyst ' || i, 'x', now()
        FROM generate_series(1, ${size.analysts}) AS i`;
      await tx.$executeRaw`
        INSERT INTO "Membership" (id, "projectId", "userId", role)
        SELECT ${tag} || '-m-' || i, ${projectId}, ${tag} || '-analyst-' || i, 'analyst' FROM generate_series(1, ${size.analysts}) AS i`;
      await tx.attributeDefinition.createMany({
        data: [
          { id: `${tag}-sector`, projectId, name: "sector", type: "category", categories: ["academia", "startup", "corporation", "services", "tech"] },
          { id: `${tag}-projects`, projectId, name: "projects", type: "number" },
          { id: `${tag}-tf`, projectId, name: "tf", type: "number" },
        ],
      });
      await tx.$executeRaw`
        INSERT INTO "Case" (id, "projectId", name) SELECT ${tag} || '-case-' || i, ${projectId}, 'C' || i FROM generate_series(1, ${size.documents}) AS i`;
      await tx.$executeRaw`
        INSERT INTO "AttributeValue" (id, "projectId", "caseId", "attributeId", "textValue", "numberValue")
        SELECT ${tag} || '-v-' || a.name || '-' || i, ${projectId}, ${tag} || '-case-' || i, ${tag} || '-' || a.name,
               CASE WHEN a.name = 'sector' THEN (ARRAY['academia','startup','corporation','services','tech'])[1 + (i % 5)] END,
               CASE WHEN a.name = 'projects' THEN 4 + (i % 20) WHEN a.name = 'tf' THEN 2 + (i % 10) END
        FROM generate_series(1, ${size.documents}) AS i CROSS JOIN (VALUES ('sector'), ('projects'), ('tf')) AS a(name)`;
      await tx.$executeRaw`
        INSERT INTO "Document" (id, "projectId", "caseId", title, text, "textLength", checksum, "sourceFormat", position)
        SELECT ${tag} || '-doc-' || i, ${projectId}, ${tag} || '-case-' || i, 'Interview ' || i, t.text, char_length(t.text), md5(t.text), 'text', i
        FROM generate_series(1, ${size.documents}) AS i
        CROSS JOIN LATERAL (SELECT left(repeat('Interviewer: why this cloud? Respondent ' || i || ': the cost, the people, the data. ', 1000), ${size.textLength}) AS text) AS t`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, position, "updatedAt")
        SELECT ${tag} || '-theme-' || t, ${projectId}, NULL, 'Theme ' || t, t, now() FROM generate_series(1, 10) AS t`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, position, "updatedAt")
        SELECT ${tag} || '-code-' || t || '-' || c, ${projectId}, ${tag} || '-theme-' || t, 'Code ' || t || '.' || c, c, now()
        FROM generate_series(1, 10) AS t CROSS JOIN generate_series(1, 5) AS c`;
      // The span check trigger reads the whole document per row; the quotes below are cut from
      // the same text, so it is switched off for the bulk insert into this throwaway database only.
      await tx.$executeRaw`ALTER TABLE "Coding" DISABLE TRIGGER "Coding_span_in_document"`;
      await tx.$executeRaw`
        INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt")
        SELECT ${tag} || '-k-' || k.n, ${projectId}, d.id, k.code_id, k.coder_id, k.s, k.s + k.len, substring(d.text FROM k.s + 1 FOR k.len), now()
        FROM (
          SELECT n,
                 ${tag} || '-doc-' || (1 + (n % ${size.documents})) AS document_id,
                 ${tag} || '-code-' || (1 + floor(random() * 10)::int) || '-' || (1 + floor(random() * 5)::int) AS code_id,
                 ${tag} || '-analyst-' || (1 + floor(random() * ${size.analysts})::int) AS coder_id,
                 floor(random() * (${size.textLength} - 400))::int AS s,
                 50 + floor(random() * 350)::int AS len
          FROM generate_series(1, ${size.codings}) AS n
        ) AS k JOIN "Document" d ON d.id = k.document_id
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`ALTER TABLE "Coding" ENABLE TRIGGER "Coding_span_in_document"`;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  // As autovacuum would soon after a bulk load: statistics for the planner, and the visibility
  // map that lets index-only scans skip the table. Measuring while autovacuum is still at work
  // on 200,000 fresh rows would time autovacuum (and its commits) as much as the reads.
  await prisma.$executeRaw`VACUUM ANALYZE`;
  return projectId;
}

/** A report like the demo's: shares of interviews, ratios of attributes, and a ranking. */
export async function addSyntheticFindings(prisma: Db, projectId: string): Promise<void> {
  const tag = projectId.replace(/-project$/, "");
  const createdById = `${tag}-analyst-1`;
  const figures = [
    ...[1, 2, 3, 4, 5].map((t) => ({ kind: "interview-share", codeId: `${tag}-code-${t}-1`, filter: [] })),
    { kind: "interview-share", codeId: `${tag}-theme-1`, filter: [{ attributeId: `${tag}-sector`, op: "eq", value: "startup" }] },
    { kind: "attribute-ratio", numerator: [`${tag}-tf`], denominator: [`${tag}-projects`], filter: [], statedAs: { relation: "approximately", precision: 0.01 } },
    { kind: "attribute-ratio", numerator: [`${tag}-tf`], denominator: [`${tag}-projects`], filter: [{ attributeId: `${tag}-projects`, op: "gte", value: 10 }] },
    { kind: "code-ranking", parentCodeId: `${tag}-theme-1`, filter: [] },
    { kind: "code-ranking", parentCodeId: `${tag}-theme-2`, filter: [] },
  ];
  await prisma.finding.createMany({
    data: figures.map((figure, position) => ({ projectId, position, statement: `Finding ${position + 1}`, figure, createdById, statedValue: figure.kind === "code-ranking" ? null : 0.5 })),
  });
}
