/**
 * The request handler of `xeploai serve`: dist/ as static files through serve-static (Express's
 * own static handler, kept by the Express team; its `send` core handles ranges, ETag/304,
 * path traversal and dotfiles), with the headers decided at build time (scripts/deploy/site-headers.cjs):
 * MIME types, Cache-Control (no-cache for pages/manifest, a year + immutable for hashed bundles),
 * the Content-Security-Policy from dist/xeploai-build.json, and one log line per request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as path from "node:path";
import serveStatic from "serve-static";
import { MIME_TYPES, cacheControlFor } from "../../scripts/deploy/site-headers.cjs";

export interface SiteHandlerOptions {
  /** The built dist/ folder. */
  root: string;
  /** Content-Security-Policy sent with every response. */
  contentSecurityPolicy: string;
  /** Receives one line per finished request. */
  log(line: string): void;
}

export type SiteHandler = (req: IncomingMessage, res: ServerResponse) => void;

function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
}

/** "2026-12-03T13:40:00.000Z 10.0.0.7 GET /taskpane.html 200 518" */
export function requestLogLine(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: number,
  who = req.socket.remoteAddress ?? "-"
): string {
  return `${new Date().toISOString()} ${who} ${req.method ?? "-"} ${req.url ?? "-"} ${res.statusCode} ${bytes}`;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache");
  res.end(`${text}\n`);
}

export function createSiteHandler(opts: SiteHandlerOptions): SiteHandler {
  const root = path.resolve(opts.root);
  const statics = serveStatic(root, {
    index: ["taskpane.html"],
    dotfiles: "ignore",
    fallthrough: true,
    redirect: true,
    // Cache-Control and Content-Type are ours (below), not send's defaults.
    cacheControl: false,
    setHeaders(res, filePath) {
      const rel = path.relative(root, filePath).split(path.sep).join("/");
      res.setHeader("Cache-Control", cacheControlFor(rel));
      const type = MIME_TYPES[path.extname(filePath).toLowerCase()];
      if (type) res.setHeader("Content-Type", type);
    },
  });

  return (req, res) => {
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const count = (chunk: unknown) => {
      if (typeof chunk === "string") bytes += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== "function") count(chunk);
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
    // Read now: once the response is finished the socket may already be gone.
    const who = req.socket.remoteAddress ?? "-";
    res.on("finish", () => opts.log(requestLogLine(req, res, bytes, who)));

    setSecurityHeaders(res, opts.contentSecurityPolicy);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      plain(res, 405, "Chỉ nhận GET và HEAD. / Only GET and HEAD are accepted.");
      return;
    }
    statics(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status ?? 500;
        plain(
          res,
          status,
          status === 404 ? notFound(req) : `Lỗi máy chủ / Server error (${status}).`
        );
        return;
      }
      plain(res, 404, notFound(req));
    });
  };
}

function notFound(req: IncomingMessage): string {
  return `Không có ${req.url ?? ""} trên máy chủ XếpLoại. / ${req.url ?? ""} is not on this XếpLoại server.`;
}
