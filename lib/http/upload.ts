import { NextResponse } from "next/server";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { AppError, toActionError } from "../errors";
import { httpStatus } from "../http-status";

/**
 * The one way an upload route reads its request: sign-in first, then the body as a stream,
 * counting the bytes that actually arrive and stopping at the limit (413). Content-Length
 * only lets a request be refused sooner; a chunked body without one, or with a false one,
 * is cut off at the limit all the same, so no request can make the server hold more than
 * `maxBytes` of it. The multipart form is then parsed from the bytes that were kept.
 */
const MB = 1024 * 1024;

export class UploadTooLarge extends AppError {
  constructor(readonly maxBytes: number) {
    super("VALIDATION", `The upload is larger than the server's limit of ${Math.round((maxBytes / MB) * 10) / 10} MB, so it was not read. Send a smaller file, or ask the server's administrator to raise GROUNDED_MAX_UPLOAD_MB.`);
    this.name = "UploadTooLarge";
  }
}

/** The request body, or UploadTooLarge as soon as more than maxBytes have arrived. */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new UploadTooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new UploadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The multipart form of an upload, read within maxBytes. */
export async function readUploadForm(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new AppError("VALIDATION", "Send the file as a multipart form upload (multipart/form-data).");
  const body = await readCappedBody(request, maxBytes);
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("VALIDATION", "The upload is not a complete multipart form. Send it again.");
  }
}

/** An uploaded file field, or a VALIDATION error saying none was sent. */
export function formFile(form: FormData, name: string, what = "file"): File {
  const file = form.get(name);
  if (!(typeof file === "object" && file && "arrayBuffer" in file)) throw new AppError("VALIDATION", `No ${what} was uploaded.`);
  return file;
}

/**
 * An upload route: 401 without a session (before a byte of the body is read), the form read
 * within maxBytes, then `handle`; any error it raises is answered as JSON with its status
 * (413 for a body over the limit).
 */
export async function uploadRoute(request: Request, maxBytes: number, handle: (user: CurrentUser, form: FormData) => Promise<Response>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, { status: 401 });
  try {
    return await handle(user, await readUploadForm(request, maxBytes));
  } catch (error) {
    const e = toActionError(error);
    return NextResponse.json({ error: e }, { status: error instanceof UploadTooLarge ? 413 : httpStatus(e.code) });
  }
}

/** Room for the multipart envelope (boundaries, field headers, the other fields) around the file itself. */
export const ENVELOPE_BYTES = MB;
