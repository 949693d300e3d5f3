import type { Prisma } from "../db/generated/client";
import { type FindingFigure, findingFigureSchema } from "../findings/figure";
import type { PreparedDemoFinding } from "./findings";

type Tx = Prisma.TransactionClient;

export type DemoIds = {
  projectId: string;
  ownerId: string;
  /** Analyst A, whose codings are pinned. */
  coderA: string;
  codeIds: ReadonlyMap<string, string>;
  attributeIds: ReadonlyMap<string, string>;
  documentIds: ReadonlyMap<number, string>;
};

/**
 * Writes the demo's findings inside the loader's transaction, so they come and go with the
 * study (a failed load leaves no findings; a second load adds none). Every figure goes
 * through the same schema as a finding saved in the app.
 */
export async function writeDemoFindings(tx: Tx, ids: DemoIds, findings: readonly PreparedDemoFinding[]): Promise<number> {
  const codings = await tx.coding.findMany({
    where: { projectId: ids.projectId, coderId: ids.coderA },
    select: { id: true, documentId: true, codeId: true, start: true, end: true },
  });
  for (const [position, spec] of findings.entries()) {
    const finding = await tx.finding.create({
      data: {
        projectId: ids.projectId,
        position,
        statement: spec.statement,
        figure: withIds(spec, ids) as Prisma.InputJsonValue,
        statedValue: spec.stated?.value ?? null,
        statedText: spec.stated?.text ?? "",
        createdById: ids.ownerId,
      },
      select: { id: true },
    });
    await tx.findingEvidence.createMany({
      data: spec.pins.map((pin, i) => {
        const documentId = lookup(ids.documentIds, pin.documentPosition);
        const codeId = lookup(ids.codeIds, pin.code);
        const coding = codings.find((c) => c.documentId === documentId && c.codeId === codeId && c.start === pin.start && c.end === pin.end);
        if (!coding) throw new Error(`demo findings: no coding of analyst A to pin for "${pin.code}" at [${pin.start}, ${pin.end})`);
        return { findingId: finding.id, codingId: coding.id, position: i };
      }),
    });
  }
  return findings.length;
}

function withIds(spec: PreparedDemoFinding, ids: DemoIds): FindingFigure {
  const figure = spec.figure;
  const attributes = (names: string[]) => names.map((name) => lookup(ids.attributeIds, name));
  const statedAs = spec.stated ? { statedAs: spec.stated.statedAs } : {};
  switch (figure.kind) {
    case "attribute-ratio":
      return findingFigureSchema.parse({ kind: figure.kind, numerator: attributes(figure.numerator), denominator: attributes(figure.denominator), ...statedAs });
    case "interview-share":
      return findingFigureSchema.parse({ kind: figure.kind, codeId: lookup(ids.codeIds, figure.code), ...statedAs });
    case "code-ranking":
      return findingFigureSchema.parse({ kind: figure.kind, parentCodeId: lookup(ids.codeIds, figure.parent) });
  }
}

function lookup<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo findings: nothing created for ${String(key)}`);
  return value;
}
