import type { ExportData } from "./data";
import type { GuidOf } from "./export-guids";
import type { TargetSource } from "./export-positions";
import { el, textEl, type XmlNode } from "./xml-write";

type Coding = ExportData["codings"][number];

/**
 * Codings as REFI-QDA selections. Grounded's coding is one code on one span by one coder; a
 * REFI-QDA PlainTextSelection is one span holding any number of Codings. An import makes one
 * coding per Coding of a selection, each remembering the selection's GUID (Coding.refiGuid),
 * so those that still share it, their span, their coder and their memo go back as the one
 * selection they came from, under its GUID; every other coding is a selection of its own.
 * Groups keep the order of their first coding.
 */
export function selectionGroups(codings: readonly Coding[]): Coding[][] {
  const groups = new Map<string, Coding[]>();
  for (const coding of codings) {
    const key = coding.refiGuid === null ? `own:${coding.id}` : JSON.stringify([coding.refiGuid.toLowerCase(), coding.documentId, coding.start, coding.end, coding.coderId, coding.memo]);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(coding);
  }
  return [...groups.values()];
}

export function selectionElement(group: readonly Coding[], source: TargetSource, guidOf: GuidOf, codingNotes: ReadonlyMap<string, XmlNode[]>): XmlNode {
  const [lead] = group;
  const user = guidOf("user", lead.coderId);
  return el(
    "PlainTextSelection",
    {
      guid: guidOf("selection", lead.id),
      name: selectionName(lead.quote),
      startPosition: source.position(lead.start),
      endPosition: source.position(lead.end),
      creatingUser: user,
      creationDateTime: lead.createdAt.toISOString(),
    },
    lead.memo !== "" && textEl("Description", lead.memo),
    group.map((coding) =>
      el(
        "Coding",
        { guid: guidOf("coding", coding.id), creatingUser: user, creationDateTime: coding.createdAt.toISOString() },
        el("CodeRef", { targetGUID: guidOf("code", coding.codeId) }),
        codingNotes.get(coding.id),
      ),
    ),
  );
}

const NAME_MAX = 200;

// The quoted passage, cut to a readable length (importers accept a cut quote that ends in "…").
function selectionName(quote: string): string {
  const chars = Array.from(quote);
  return chars.length <= NAME_MAX ? quote : `${chars.slice(0, NAME_MAX - 1).join("")}…`;
}
