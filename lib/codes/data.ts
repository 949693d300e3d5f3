import { db } from "../db/client";

/**
 * One live code's definition, as the coding workspace opens it: the transcript page sends
 * only names and places (lib/codes/packed.ts), since a codebook of thousands with definitions
 * of up to 4 x 5,000 characters each would be most of the page. Null for a code that is not
 * in the project or was deleted.
 */
export async function getCodeDefinition(projectId: string, codeId: string) {
  return db().code.findFirst({
    where: { id: codeId, projectId, deletedAt: null },
    select: { id: true, name: true, description: true, inclusion: true, exclusion: true, example: true },
  });
}

export type CodeDefinition = NonNullable<Awaited<ReturnType<typeof getCodeDefinition>>>;
