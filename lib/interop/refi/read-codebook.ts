import type { RefiCodebook } from "./model";
import { fail, GuidRegistry, readCodes, type ReadContext } from "./read-common";
import { attr, childNamed, listOf, type XmlElement } from "./xml-read";

/**
 * A .qdc codebook (Codebook.xsd, urn:QDA-XML:codebook:1.0): <CodeBook><Codes>...</Codes>
 * <Sets>?</CodeBook>. An empty <Sets/> breaks the schema (it wants at least one Set) but
 * Taguette writes it; it is read as no sets.
 */
export function readCodebook(ctx: ReadContext, root: XmlElement): RefiCodebook {
  if (root.name !== "CodeBook") {
    fail(ctx, root.name === "Project" ? "this is a project file (.qde), not a codebook; import the .qdpx project instead." : `the root element is <${root.name}>, not the <CodeBook> of a REFI-QDA codebook.`);
  }
  const codes = readCodes(ctx, childNamed(root, "Codes"), new GuidRegistry(ctx, "codes"));
  if (codes.length === 0) fail(ctx, "the codebook holds no codes.");
  return { origin: attr(root, "origin"), codes, sets: listOf(root, "Sets", "Set").length };
}
