/**
 * Starts and stops the HTTPS server for a built dist/ (Node's https module + createSiteHandler).
 * What the build decided (host, Office.js source, Content-Security-Policy) is read from
 * dist/xeploai-build.json, so the server never disagrees with the manifest.
 */
import { promises as fs } from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { LocalizedText } from "../core/i18n";
import { createSiteHandler } from "./site-handler";
import type { TlsOptions } from "./tls-options";

export interface BuildInfo {
  version: string;
  host: string;
  officejs: "local" | "cdn";
  contentSecurityPolicy: string;
}

export class SiteSetupError extends Error {
  constructor(public readonly text: LocalizedText) {
    super(text.en);
  }
}

export async function readBuildInfo(dist: string): Promise<BuildInfo> {
  const file = path.join(dist, "xeploai-build.json");
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new SiteSetupError({
      vi: `Không thấy ${file}: thư mục "${dist}" chưa phải bản dựng của XếpLoại. Hãy chạy trước: npm run build -- --env host=https://<máy chủ>/`,
      en: `${file} not found: "${dist}" is not a XếpLoại build. First run: npm run build -- --env host=https://<server>/`,
    });
  }
  const info = JSON.parse(text) as BuildInfo;
  if (!info.contentSecurityPolicy || !info.host) {
    throw new SiteSetupError({
      vi: `${file} thiếu host hoặc contentSecurityPolicy: hãy dựng lại (npm run build).`,
      en: `${file} lacks host or contentSecurityPolicy: build again (npm run build).`,
    });
  }
  return info;
}

/** The port the build's host names (443 when it names none). */
export function portOfHost(host: string): number {
  const url = new URL(host);
  return url.port ? Number(url.port) : 443;
}

export interface RunningSite {
  server: https.Server;
  /** e.g. https://localhost:3000/ (the address actually bound). */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (closes idle keep-alives at once). */
  close(): Promise<void>;
}

export async function startHttpsSite(opts: {
  dist: string;
  tls: TlsOptions;
  host: string;
  port: number;
  log(line: string): void;
}): Promise<RunningSite> {
  const info = await readBuildInfo(opts.dist);
  const handler = createSiteHandler({
    root: opts.dist,
    contentSecurityPolicy: info.contentSecurityPolicy,
    log: opts.log,
  });
  const server = https.createServer(
    { cert: opts.tls.cert, key: opts.tls.key, ...(opts.tls.ca ? { ca: opts.tls.ca } : {}) },
    handler
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(listenError(e, opts.host, opts.port))
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;
  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    url: `https://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}/`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  if (e.code === "EADDRINUSE")
    return new SiteSetupError({
      vi: `Cổng ${port} trên ${host} đang được chương trình khác dùng: chọn cổng khác bằng --port N.`,
      en: `Port ${port} on ${host} is already in use: choose another with --port N.`,
    });
  if (e.code === "EACCES")
    return new SiteSetupError({
      vi: `Không được phép mở cổng ${port} (cổng dưới 1024 cần quyền quản trị): dùng --port 8443 hoặc chạy với quyền quản trị.`,
      en: `Not allowed to open port ${port} (ports below 1024 need admin rights): use --port 8443 or run as administrator.`,
    });
  if (e.code === "EADDRNOTAVAIL")
    return new SiteSetupError({
      vi: `Máy này không có địa chỉ ${host}: kiểm tra --host.`,
      en: `This machine has no address ${host}: check --host.`,
    });
  return e;
}
