/**
 * Raw deflate with fflate, for the writer where there is no zlib (the task pane). Its own module so
 * it is imported lazily, with ExcelJS, and only deflateSync is bundled.
 */
import { deflateSync } from "fflate";

export const fflateDeflateRaw = (data: Uint8Array): Uint8Array => deflateSync(data);
