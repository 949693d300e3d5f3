import type { MemberRole } from "../db/generated/enums";
import { type CoderVisibility, visibleCoderIds } from "../rigour/blind";
import { coderSelectionFromParam, DEFAULT_CODER_SELECTION, type CoderSelection } from "./coder-selection";

/**
 * Whose coding counts on an analysis page: the reader's choice from the URL, unless blind
 * coding limits what they may see, in which case an analyst is held to their own coding and
 * a viewer sees no figures computed from codings (`hidden`). That covers the consensus layer
 * too: its spans are copies of analysts' codings, so a reader blind anywhere in the project
 * (project-wide visibility: blind if the project or any document is) gets no consensus
 * figures either, whatever the URL asks for.
 */
export async function pageSelection(
  projectId: string,
  viewer: { id: string; role: MemberRole },
  param: string | string[] | undefined,
): Promise<{ selection: CoderSelection; hidden: boolean; forced: boolean; visibility: CoderVisibility }> {
  const visibility = await visibleCoderIds(projectId, null, viewer);
  if (visibility !== "all") {
    if (visibility.length === 0) return { selection: DEFAULT_CODER_SELECTION as CoderSelection, hidden: true, forced: true, visibility };
    return { selection: { kind: "coder", coderId: visibility[0] } as CoderSelection, hidden: false, forced: true, visibility };
  }
  return { selection: coderSelectionFromParam(param) ?? DEFAULT_CODER_SELECTION, hidden: false, forced: false, visibility };
}
