import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync, type Zippable } from "fflate";
import { validateXML } from "xmllint-wasm";

/** Shared by the REFI-QDA unit and database tests: our hand-written fixtures, and zips made from them. */
export const FIXTURES = fileURLToPath(new URL("../../../fixtures/interop/refi/", import.meta.url));

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}${name}`));
export const fixtureText = (name: string): string => readFileSync(`${FIXTURES}${name}`, "utf8");

/** Real files made by other tools (see /work/shared/interop/README.md); absent on a fresh clone. */
export const SHARED = "/work/shared/interop";
export const sharedExists = existsSync(SHARED);
export const shared = (name: string): Uint8Array => new Uint8Array(readFileSync(`${SHARED}/${name}`));

export type MinimalZipOptions = {
  /** project.qde or Project.qde ... */
  projectEntry?: string;
  /** sources or Sources ... */
  sourcesDir?: string;
  /** Changes to project.qde's text (BOM and CRLF kept) before zipping. */
  edit?: (qde: string) => string;
  /** Extra entries, or null to leave one out. */
  extra?: Record<string, Uint8Array | null>;
};

/** The minimal fixture project as a .qdpx, zipped here so each test can vary its layout. */
export function minimalQdpx(options: MinimalZipOptions = {}): Uint8Array {
  const qde = new TextDecoder("utf-8", { ignoreBOM: true }).decode(fixture("minimal/project.qde"));
  const dir = options.sourcesDir ?? "sources";
  const files: Zippable = {
    [options.projectEntry ?? "project.qde"]: new TextEncoder().encode(options.edit ? options.edit(qde) : qde),
    [`${dir}/interview-1.txt`]: fixture("minimal/interview-1.txt"),
    [`${dir}/interview-2.txt`]: fixture("minimal/interview-2.txt"),
  };
  for (const [name, bytes] of Object.entries(options.extra ?? {})) {
    if (bytes === null) delete files[name];
    else files[name] = bytes;
  }
  return zipSync(files);
}

/** Validates XML against one of the REFI-QDA schemas kept beside the fixtures; the errors, or [] when valid. */
export async function schemaErrors(schema: "Project.xsd" | "Codebook.xsd", xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: schema === "Project.xsd" ? "project.qde" : "codebook.qdc", contents: xml }],
    schema: [fixtureText(schema)],
    maxMemoryPages: 16384,
  });
  return result.errors.map((error) => error.rawMessage);
}
