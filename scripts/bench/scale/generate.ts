import type { Db } from "../../../lib/db/client";

/**
 * The study of issue 14.1, shaped like a long-running team project: `documents` interviews of
 * 5,000-50,000 words in alternating Interviewer / Respondent turns, a three-level codebook
 * (roots x children x grandchildren) whose codes all carry a definition, `analysts` analysts
 * and `codings` codings, the first `heavyDocuments` interviews holding 2,000 codings each.
 * Codes are chosen with a skew (a few codes hold many passages, as in real projects), so the
 * largest code's theme page is a real test.
 *
 * Everything is generated inside PostgreSQL in a few set-based INSERTs (generate_series,
 * string_agg over a pool of sentences): round trips per row would take longer than the
 * benchmark. setseed() makes reruns generate the same study. Ids follow synthetic-study.ts
 * (<tag>-theme-<t>, <tag>-code-<t>-<c>, <tag>-analyst-<i>, <tag>-sector ...) so its
 * addSyntheticFindings writes the findings report here too.
 */
export type ScaleSize = {
  documents: number;
  /** Codebook shape: roots, children per root, grandchildren per child (at most 900 grandchildren). */
  roots: number;
  children: number;
  grandchildren: number;
  analysts: number;
  codings: number;
  /** Interviews 1..heavyDocuments get 2,000 codings each; interview 1 is the longest (50,000 words). */
  heavyDocuments: number;
  passwordHash: string;
};

export const TAG = "scale";
export const PROJECT_ID = `${TAG}-project`;
export const OWNER_EMAIL = `owner@${TAG}.bench`;
export const analystEmail = (i: number) => `analyst-${i}@${TAG}.bench`;
const HEAVY_CODINGS = 2_000;

const ROOTS = ["Cost", "People", "Data", "Security", "Migration", "Tooling", "Vendors", "Learning", "Scale", "Culture"];
const ASPECTS = ["drivers", "barriers", "experiences", "expectations", "decisions", "workarounds", "outcomes", "risks", "examples"];
const ADJECTIVES = ["hidden", "shared", "manual", "secure", "early", "late", "costly", "cheap", "open", "closed", "remote", "local", "formal", "informal", "legacy", "modern", "slow", "fast", "public", "private", "small", "large", "vendor", "team", "personal", "external", "internal", "planned", "ad hoc", "ongoing"];
const NOUNS = ["budget", "contract", "onboarding", "training", "backup", "outage", "audit", "license", "workflow", "handover", "pipeline", "dashboard", "review", "support", "migration", "policy", "account", "storage", "network", "report", "meeting", "ticket", "deadline", "schedule", "manager", "customer", "partner", "release", "incident", "metric"];
const VOCABULARY =
  "we the cloud team cost people data moved because it was cheaper and easier but then the bill grew so I had to talk with finance about what we really needed every month " +
  "my manager said security mattered most so we kept backups in two regions and tested them which took weeks of work nobody had planned for honestly it was a lot " +
  "the vendor promised support yet tickets waited days and our engineers learned the tools on their own time reading documentation late at night after the release";

export async function generateScaleStudy(prisma: Db, size: ScaleSize): Promise<{ projectId: string; codes: number }> {
  const { documents: DOCS, roots: R, children: C, grandchildren: G, analysts: A, codings: N, heavyDocuments: HEAVY, passwordHash } = size;
  if (R * C * G > ADJECTIVES.length * NOUNS.length || R > ROOTS.length || C > ASPECTS.length) throw new Error("codebook shape too large for the name lists");
  const words = VOCABULARY.split(" ");
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT setseed(0.14)`;
      await tx.project.create({ data: { id: PROJECT_ID, name: `Scale study (${DOCS} interviews, ${R + R * C + R * C * G} codes)` } });
      await tx.$executeRaw`
        INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
        SELECT ${TAG} || '-analyst-' || i, 'analyst-' || i || '@' || ${TAG} || '.bench', 'Analyst ' || i, ${passwordHash}, now() FROM generate_series(1, ${A}) AS i
        UNION ALL SELECT ${TAG} || '-owner', ${OWNER_EMAIL}, 'Owner', ${passwordHash}, now()`;
      await tx.$executeRaw`
        INSERT INTO "Membership" (id, "projectId", "userId", role)
        SELECT ${TAG} || '-m-' || u.id, ${PROJECT_ID}, u.id, CASE WHEN u.id = ${`${TAG}-owner`} THEN 'owner' ELSE 'analyst' END::"MemberRole"
        FROM "User" u WHERE u.id LIKE ${`${TAG}-%`}`;
      await tx.attributeDefinition.createMany({
        data: [
          { id: `${TAG}-sector`, projectId: PROJECT_ID, name: "sector", type: "category", categories: ["academia", "startup", "corporation", "services", "tech"] },
          { id: `${TAG}-projects`, projectId: PROJECT_ID, name: "projects", type: "number" },
          { id: `${TAG}-tf`, projectId: PROJECT_ID, name: "tf", type: "number" },
        ],
      });
      await tx.$executeRaw`INSERT INTO "Case" (id, "projectId", name) SELECT ${TAG} || '-case-' || i, ${PROJECT_ID}, 'Participant ' || i FROM generate_series(1, ${DOCS}) AS i`;
      await tx.$executeRaw`
        INSERT INTO "AttributeValue" (id, "projectId", "caseId", "attributeId", "textValue", "numberValue")
        SELECT ${TAG} || '-v-' || a.name || '-' || i, ${PROJECT_ID}, ${TAG} || '-case-' || i, ${TAG} || '-' || a.name,
               CASE WHEN a.name = 'sector' THEN (ARRAY['academia','startup','corporation','services','tech'])[1 + (i % 5)] END,
               CASE WHEN a.name = 'projects' THEN 4 + (i % 20) WHEN a.name = 'tf' THEN 2 + (i % 10) END
        FROM generate_series(1, ${DOCS}) AS i CROSS JOIN (VALUES ('sector'), ('projects'), ('tf')) AS a(name)`;

      // A pool of 1,000 sentences of 8-22 words; turns are strings of them.
      await tx.$executeRaw`
        CREATE TEMP TABLE bench_sentence ON COMMIT DROP AS
        SELECT s AS id, upper(left(x.t, 1)) || substr(x.t, 2) || '.' AS text, x.n AS words
        FROM generate_series(0, 999) AS s
        CROSS JOIN LATERAL (
          SELECT string_agg((${words}::text[])[1 + floor(random() * ${words.length})::int], ' ') AS t, count(*) AS n
          FROM generate_series(1, 8 + (s * 7) % 15) AS w WHERE s >= 0
        ) AS x`;
      // Words per interview: interview 1 has 50,000, the heavy ones 40,000-50,000, the rest spread over 5,000-50,000.
      // A pair of turns is one question (1 sentence) and one answer (4-20 sentences), about 195 words.
      await tx.$executeRaw`
        CREATE TEMP TABLE bench_turn ON COMMIT DROP AS
        WITH docs AS (
          SELECT i, CASE WHEN i <= ${HEAVY} THEN 50000 - (i - 1) * 1000 ELSE 5000 + ((i * 7919) % 291) * 45000 / 290 END AS target
          FROM generate_series(1, ${DOCS}) AS i
        ),
        turns AS (
          SELECT d.i, t AS idx, t % 2 = 0 AS question, CASE WHEN t % 2 = 0 THEN 1 ELSE 4 + (t * 13 + d.i) % 17 END AS sentences
          FROM docs d CROSS JOIN LATERAL generate_series(0, 2 * ceil(d.target / 195.0)::int - 1) AS t
        ),
        bodies AS (
          SELECT t.i, t.idx, t.question, string_agg(s.text, ' ' ORDER BY k) AS body
          FROM turns t CROSS JOIN LATERAL generate_series(1, t.sentences) AS k
          JOIN bench_sentence s ON s.id = (t.i * 7919 + t.idx * 104729 + k * 31) % 1000
          GROUP BY t.i, t.idx, t.question
        )
        SELECT i, idx, question, CASE WHEN question THEN 'Interviewer' ELSE 'Respondent' END AS speaker, body,
               sum(char_length(body) + char_length(CASE WHEN question THEN 'Interviewer' ELSE 'Respondent' END) + 4) OVER w
                 - char_length(body) - 2 AS body_start
        FROM bodies WINDOW w AS (PARTITION BY i ORDER BY idx)`;
      await tx.$executeRaw`
        INSERT INTO "Document" (id, "projectId", "caseId", title, text, "textLength", checksum, "sourceFormat", position)
        SELECT ${TAG} || '-doc-' || i, ${PROJECT_ID}, ${TAG} || '-case-' || i, 'Interview ' || lpad(i::text, 3, '0'), x.text, char_length(x.text), md5(x.text), 'text', i
        FROM (SELECT i, string_agg(speaker || ': ' || body, E'\n\n' ORDER BY idx) AS text FROM bench_turn GROUP BY i) AS x`;
      // Their spans come from the same strings as the text; the per-row span checks re-read the
      // whole document for every row, so they are off for the bulk inserts into this throwaway database only.
      await tx.$executeRaw`ALTER TABLE "SpeakerTurn" DISABLE TRIGGER "SpeakerTurn_span_in_document"`;
      await tx.$executeRaw`
        INSERT INTO "SpeakerTurn" (id, "documentId", index, speaker, role, start, "end")
        SELECT ${TAG} || '-turn-' || i || '-' || idx, ${TAG} || '-doc-' || i, idx, speaker,
               CASE WHEN question THEN 'interviewer' ELSE 'respondent' END::"SpeakerRole", body_start, body_start + char_length(body)
        FROM bench_turn`;
      await tx.$executeRaw`ALTER TABLE "SpeakerTurn" ENABLE TRIGGER "SpeakerTurn_span_in_document"`;

      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, colour, description, inclusion, exclusion, example, position, "updatedAt")
        SELECT ${TAG} || '-theme-' || t, ${PROJECT_ID}, NULL, (${ROOTS}::text[])[t],
               (ARRAY['#2563eb','#16a34a','#ca8a04','#dc2626','#9333ea','#14b8a6','#db2777','#0891b2','#65a30d','#ea580c'])[t],
               'Everything participants said about ' || lower((${ROOTS}::text[])[t]) || ', in their own words.',
               'Any passage where ' || lower((${ROOTS}::text[])[t]) || ' is the topic, even in passing.', 'Passages that only name it in a list.',
               'We moved because of ' || lower((${ROOTS}::text[])[t]) || '.', t, now()
        FROM generate_series(1, ${R}) AS t`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, colour, description, inclusion, exclusion, position, "updatedAt")
        SELECT ${TAG} || '-code-' || t || '-' || c, ${PROJECT_ID}, ${TAG} || '-theme-' || t, (${ROOTS}::text[])[t] || ' ' || (${ASPECTS}::text[])[c], '#64748b',
               'The ' || (${ASPECTS}::text[])[c] || ' participants describe for ' || lower((${ROOTS}::text[])[t]) || '.',
               'Concrete accounts, not opinions about others.', 'General statements without an instance.', c, now()
        FROM generate_series(1, ${R}) AS t CROSS JOIN generate_series(1, ${C}) AS c`;
      await tx.$executeRaw`
        INSERT INTO "Code" (id, "projectId", "parentId", name, colour, description, position, "updatedAt")
        SELECT ${TAG} || '-code-' || t || '-' || c || '-' || g, ${PROJECT_ID}, ${TAG} || '-code-' || t || '-' || c,
               (${ADJECTIVES}::text[])[1 + n / 30] || ' ' || (${NOUNS}::text[])[1 + n % 30], '#94a3b8',
               'A ' || (${ADJECTIVES}::text[])[1 + n / 30] || ' ' || (${NOUNS}::text[])[1 + n % 30] || ' as one of the ' || (${ASPECTS}::text[])[c] || ' of ' || lower((${ROOTS}::text[])[t]) || '.', g, now()
        FROM generate_series(1, ${R}) AS t CROSS JOIN generate_series(1, ${C}) AS c CROSS JOIN generate_series(1, ${G}) AS g
        CROSS JOIN LATERAL (SELECT ((t - 1) * ${C} + (c - 1)) * ${G} + g - 1 AS n) AS k`;

      // Codings 1..HEAVY*2,000 go to the heavy interviews, the rest round the others. One in ten
      // is on a child code, the rest on grandchildren with a skew (random()^2) towards the first.
      await tx.$executeRaw`ALTER TABLE "Coding" DISABLE TRIGGER "Coding_span_in_document"`;
      await tx.$executeRaw`
        INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt")
        SELECT ${TAG} || '-k-' || k.n, ${PROJECT_ID}, d.id, k.code_id, k.coder_id, p.s, p.s + k.len, substring(d.text FROM p.s + 1 FOR k.len), now()
        FROM (
          SELECT n,
                 ${TAG} || '-doc-' || CASE WHEN n <= ${HEAVY * HEAVY_CODINGS} THEN 1 + (n - 1) % ${HEAVY} ELSE ${HEAVY + 1} + n % ${Math.max(1, DOCS - HEAVY)} END AS document_id,
                 CASE WHEN n % 10 = 0 THEN ${TAG} || '-code-' || (1 + floor(random() * ${R})::int) || '-' || (1 + floor(random() * ${C})::int)
                      ELSE ${TAG} || '-code-' || (1 + g / ${C * G}) || '-' || (1 + (g % ${C * G}) / ${G}) || '-' || (1 + g % ${G}) END AS code_id,
                 ${TAG} || '-analyst-' || (1 + floor(random() * ${A})::int) AS coder_id,
                 random() AS at, 50 + floor(random() * 400)::int AS len
          FROM generate_series(1, ${N}) AS n CROSS JOIN LATERAL (SELECT floor(${R * C * G} * random() ^ 2)::int AS g WHERE n > 0) AS x
        ) AS k
        JOIN "Document" d ON d.id = k.document_id
        CROSS JOIN LATERAL (SELECT floor(k.at * (d."textLength" - 460))::int AS s) AS p
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`ALTER TABLE "Coding" ENABLE TRIGGER "Coding_span_in_document"`;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  // As autovacuum would soon after a bulk load (see synthetic-study.ts): planner statistics and the visibility map.
  await prisma.$executeRaw`VACUUM ANALYZE`;
  return { projectId: PROJECT_ID, codes: R + R * C + R * C * G };
}
