import { RefiFileError } from "./errors";
import { normalizeGuid } from "./guid";
import type { RefiCode } from "./model";
import { attr, childText, childrenNamed, type XmlElement } from "./xml-read";

/** Where an element was read: the uploaded file and the part of it (project.qde), for messages. */
export type ReadContext = { fileName: string; part: string | null };

export function fail(ctx: ReadContext, problem: string): never {
  throw new RefiFileError(ctx.fileName, ctx.part ? `${ctx.part}: ${problem}` : problem);
}

/** The required guid attribute of an element (every identified element has one, per the XSDs). */
export function requiredGuid(ctx: ReadContext, element: XmlElement, what: string): string {
  const value = attr(element, "guid");
  if (value === null || value.trim() === "") fail(ctx, `${what} has no guid attribute.`);
  return normalizeGuid(value);
}

export function optionalGuid(element: XmlElement, name: string): string | null {
  const value = attr(element, name);
  return value === null || value.trim() === "" ? null : normalizeGuid(value);
}

/** targetGUID of every <CodeRef>, <NoteRef>, <SourceRef> ... child named `name`. */
export function refs(element: XmlElement, name: string): string[] {
  return childrenNamed(element, name).flatMap((ref) => {
    const target = optionalGuid(ref, "targetGUID");
    return target ? [target] : [];
  });
}

/**
 * The standard wants GUIDs unique within a project. Two objects of one kind sharing one
 * would make every reference to it ambiguous, so such a file is refused, naming both.
 */
export class GuidRegistry {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly ctx: ReadContext,
    private readonly kinds: string,
  ) {}
  add(guid: string, label: string): void {
    const earlier = this.seen.get(guid);
    if (earlier !== undefined) fail(this.ctx, `the GUID ${guid} is used by two ${this.kinds}, ${earlier} and ${label}; each must have its own.`);
    this.seen.set(guid, label);
  }
}

export function readInteger(ctx: ReadContext, element: XmlElement, name: string, what: string): number {
  const value = attr(element, name);
  if (value === null || !/^\s*[+-]?\d+\s*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    fail(ctx, `${what} has ${value === null ? `no ${name}` : `${name}="${value}", which is not a whole number`}.`);
  }
  return Number(value);
}

/** A code tree (the same shape in a project's <CodeBook> and in a .qdc). */
export function readCodes(ctx: ReadContext, codes: XmlElement | undefined, registry: GuidRegistry): RefiCode[] {
  if (!codes) return [];
  return childrenNamed(codes, "Code").map((element) => readCode(ctx, element, registry));
}

function readCode(ctx: ReadContext, element: XmlElement, registry: GuidRegistry): RefiCode {
  const name = attr(element, "name")?.trim() || "(unnamed code)";
  const guid = requiredGuid(ctx, element, `The code "${name}"`);
  registry.add(guid, `code "${name}"`);
  return {
    guid,
    name,
    color: attr(element, "color"),
    description: childText(element, "Description"),
    isCodable: attr(element, "isCodable") !== "false" && attr(element, "isCodable") !== "0",
    noteRefs: refs(element, "NoteRef"),
    children: childrenNamed(element, "Code").map((child) => readCode(ctx, child, registry)),
  };
}

/** A long text cut for a message, on one line. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
