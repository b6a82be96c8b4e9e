/**
 * Reading a request body with a hard size limit: the declared Content-Length is checked first, then the bytes
 * actually received are counted while streaming, so a client that lies (or sends chunked) is cut off at the limit
 * instead of being buffered without bound.
 */
import { HttpError } from "./errors";

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    "payload-too-large",
    `the request body is larger than ${limit} bytes; send smaller batches`,
  );
}

/** The body as UTF-8 text, at most `limit` bytes; HttpError 413 past it, 400 for a bad length or non-UTF-8. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^[0-9]+$/.test(declared.trim())) {
      throw new HttpError(
        400,
        "invalid-request",
        `the Content-Length header is not a byte count: ${declared.slice(0, 40)}`,
      );
    }
    if (Number(declared.trim()) > limit) throw tooLarge(limit);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch {
      // The client went away mid-body (or sent a broken chunked encoding): nothing to store, nothing to log.
      throw new HttpError(400, "invalid-request", "the request body could not be read to its end");
    }
    const { done, value } = read;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "invalid-json", "the request body is not UTF-8 text");
  }
}
