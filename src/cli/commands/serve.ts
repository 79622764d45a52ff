/**
 * `xeploai serve` (= `npm run serve`): serves the built dist/ over HTTPS for a town office —
 * the add-in for Excel (its manifest points here) and the browser mode for older Excel.
 * Stops cleanly on Ctrl+C (SIGINT) or SIGTERM: no new connections, requests in flight finish.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { loadTlsOptions, TlsSetupError, tlsFilesFrom } from "../../server/tls-options";
import { CliError, stringOpt } from "../args";
import type { Command } from "../registry";

/**
 * The repository's dist/: found from the nearest folder holding package.json, so it is the same
 * whether this runs from src/cli/commands (tsx, jest) or from the bundle in dist-cli/.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..", "..", "..");
  }
}
const DEFAULT_DIST = path.join(packageRoot(__dirname), "dist");

function portFrom(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError({
      vi: `--port ${raw} không phải số cổng (0–65535).`,
      en: `--port ${raw} is not a port number (0–65535).`,
    });
  return n;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export const serveCommand: Command = {
  name: "serve",
  summary: {
    vi: "Phục vụ bản dựng (dist/) qua HTTPS cho Excel và chế độ trình duyệt",
    en: "Serve the build (dist/) over HTTPS for Excel and the browser mode",
  },
  usage: "serve [--dist DIR] [--host ADDR] [--port N] [--cert FILE --key FILE]",
  options: [
    {
      name: "dist",
      value: true,
      placeholder: "DIR",
      help: {
        vi: "Thư mục bản dựng (mặc định dist/ của XếpLoại)",
        en: "Build folder (default: XếpLoại's dist/)",
      },
    },
    {
      name: "host",
      value: true,
      placeholder: "ADDR",
      help: {
        vi: "Địa chỉ nghe: 0.0.0.0 cho cả mạng (mặc định khi có --cert), localhost chỉ máy này (mặc định với chứng chỉ phát triển)",
        en: "Address to listen on: 0.0.0.0 for the whole network (default with --cert), localhost for this machine only (default with the development certificate)",
      },
    },
    {
      name: "port",
      value: true,
      placeholder: "N",
      help: {
        vi: "Cổng (mặc định: cổng trong địa chỉ đã dựng, 443 nếu không ghi)",
        en: "Port (default: the port of the address built for, 443 when it names none)",
      },
    },
    {
      name: "cert",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Chứng chỉ của cơ quan, PEM (hoặc biến XEPLOAI_TLS_CERT)",
        en: "The office's certificate, PEM (or XEPLOAI_TLS_CERT)",
      },
    },
    {
      name: "key",
      value: true,
      placeholder: "FILE",
      help: {
        vi: "Khóa riêng của chứng chỉ, PEM (hoặc biến XEPLOAI_TLS_KEY)",
        en: "The certificate's private key, PEM (or XEPLOAI_TLS_KEY)",
      },
    },
  ],
  async run(args, ctx) {
    const dist = path.resolve(stringOpt(args, "dist") ?? DEFAULT_DIST);
    // Loaded here, not with the command line: serve-static and node:https cost every other command
    // tens of milliseconds at start-up.
    const { portOfHost, readBuildInfo, SiteSetupError, startHttpsSite } =
      await import("../../server/https-site");
    try {
      const info = await readBuildInfo(dist);
      const tls = await loadTlsOptions(
        tlsFilesFrom({ cert: stringOpt(args, "cert"), key: stringOpt(args, "key") })
      );
      const host = stringOpt(args, "host") ?? (tls.source === "files" ? "0.0.0.0" : "localhost");
      const port = portFrom(stringOpt(args, "port"), portOfHost(info.host));
      const site = await startHttpsSite({ dist, tls, host, port, log: (l) => ctx.io.out(l) });
      ctx.io.out(
        ctx.t({
          vi: `XếpLoại ${info.version} đang chạy tại ${site.url} (nghe trên ${host}:${site.port}), thư mục ${dist}.`,
          en: `XếpLoại ${info.version} is running at ${site.url} (listening on ${host}:${site.port}), folder ${dist}.`,
        })
      );
      ctx.io.out(
        ctx.t({
          vi: `Bản dựng cho ${info.host} (Office.js ${info.officejs === "local" ? "bản sao trên máy chủ này" : "từ máy chủ của Microsoft"}); manifest: ${info.host}manifest.xml; chế độ trình duyệt: ${info.host}. Dừng: Ctrl+C.`,
          en: `Built for ${info.host} (Office.js ${info.officejs === "local" ? "copy on this server" : "from Microsoft's CDN"}); manifest: ${info.host}manifest.xml; browser mode: ${info.host}. Stop: Ctrl+C.`,
        })
      );
      if (tls.source === "dev-certs")
        ctx.io.out(
          ctx.t({
            vi: "Đang dùng chứng chỉ phát triển (chỉ máy này tin cậy). Cho cả cơ quan: --cert FILE --key FILE.",
            en: "Using the development certificate (trusted on this machine only). For the whole office: --cert FILE --key FILE.",
          })
        );
      const signal = await untilStopSignal();
      await site.close();
      ctx.io.out(ctx.t({ vi: `Đã dừng máy chủ (${signal}).`, en: `Server stopped (${signal}).` }));
      return 0;
    } catch (e) {
      if (e instanceof SiteSetupError || e instanceof TlsSetupError) throw new CliError(e.text);
      throw e;
    }
  },
};
