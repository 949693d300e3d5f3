import { describe, expect, it } from "vitest";
import { readCappedBody, readUploadForm, UploadTooLarge } from "../../../lib/http/upload";

const KB = 1024;

/** A request whose body arrives in chunks with no Content-Length (chunked), counting what the server pulled. */
function chunkedRequest(chunks: number, chunkBytes: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  const request = new Request("http://localhost/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("reading an upload within its size limit", () => {
  it("cuts a chunked body without a length off at the limit, and reads no further", async () => {
    // 1 GB offered, 64 KB allowed.
    const { request, pulled } = chunkedRequest(16 * KB, 64 * KB);
    expect(request.headers.get("content-length")).toBeNull();
    const error = await readCappedBody(request, 64 * KB).catch((e) => e);
    expect(error).toBeInstanceOf(UploadTooLarge);
    expect(error.message).toMatch(/larger than the server's limit of 0\.1 MB/);
    expect(pulled()).toBeLessThanOrEqual(4);
  });

  it("refuses a declared Content-Length over the limit before reading, and does not trust a smaller one", async () => {
    const declared = new Request("http://localhost/upload", { method: "POST", body: new Uint8Array(10), headers: { "content-length": String(10 * KB * KB) } });
    await expect(readCappedBody(declared, KB)).rejects.toBeInstanceOf(UploadTooLarge);
    const { request } = chunkedRequest(100, KB, { "content-length": "10" });
    await expect(readCappedBody(request, 10 * KB)).rejects.toBeInstanceOf(UploadTooLarge);
  });

  it("parses the multipart form from the bytes it kept", async () => {
    const form = new FormData();
    form.append("mode", "preview");
    form.append("files", new File(["Interviewer: hi"], "a.txt"));
    const request = new Request("http://localhost/upload", { method: "POST", body: form });
    const read = await readUploadForm(request, 100 * KB);
    expect(read.get("mode")).toBe("preview");
    expect(await (read.get("files") as File).text()).toBe("Interviewer: hi");
    const notMultipart = new Request("http://localhost/upload", { method: "POST", body: "x", headers: { "content-type": "text/plain" } });
    await expect(readUploadForm(notMultipart, KB)).rejects.toThrow(/multipart form upload/);
    const cut = new Request("http://localhost/upload", { method: "POST", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhal", headers: { "content-type": "multipart/form-data; boundary=x" } });
    await expect(readUploadForm(cut, KB)).rejects.toThrow(/not a complete multipart form/);
  });
});
