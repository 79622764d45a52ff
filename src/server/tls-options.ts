/**
 * The certificate `xeploai serve` presents. Either the office's own (--cert/--key, or the
 * environment variables XEPLOAI_TLS_CERT / XEPLOAI_TLS_KEY, PEM files), or — for one machine
 * only — Microsoft's locally trusted development certificate (office-addin-dev-certs), which
 * installs its own certificate authority into this machine's trust store on first use.
 */
import { promises as fs } from "node:fs";
import type { LocalizedText } from "../core/i18n";

export interface TlsFiles {
  cert?: string;
  key?: string;
}

export interface TlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
  ca?: string | Buffer;
  /** Where the certificate came from, for the start-up message. */
  source: "files" | "dev-certs";
}

export class TlsSetupError extends Error {
  constructor(public readonly text: LocalizedText) {
    super(text.en);
  }
}

/** --cert/--key win over the environment variables. */
export function tlsFilesFrom(
  opts: TlsFiles,
  env: Record<string, string | undefined> = process.env
): TlsFiles {
  return {
    cert: opts.cert ?? (env.XEPLOAI_TLS_CERT || undefined),
    key: opts.key ?? (env.XEPLOAI_TLS_KEY || undefined),
  };
}

async function readPem(file: string, what: LocalizedText): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new TlsSetupError({
      vi: `Không đọc được ${what.vi} "${file}" (${code}).`,
      en: `Cannot read the ${what.en} "${file}" (${code}).`,
    });
  }
}

export async function loadTlsOptions(
  files: TlsFiles,
  devCerts: () => Promise<{
    cert: string | Buffer;
    key: string | Buffer;
    ca?: string | Buffer;
  }> = defaultDevCerts
): Promise<TlsOptions> {
  if (files.cert || files.key) {
    if (!files.cert || !files.key) {
      throw new TlsSetupError({
        vi: "Cần cả --cert (chứng chỉ) lẫn --key (khóa riêng), dạng PEM.",
        en: "Both --cert (certificate) and --key (private key) are needed, as PEM files.",
      });
    }
    const cert = await readPem(files.cert, { vi: "tệp chứng chỉ", en: "certificate file" });
    const key = await readPem(files.key, { vi: "tệp khóa riêng", en: "private key file" });
    return { cert, key, source: "files" };
  }
  try {
    const o = await devCerts();
    return { cert: o.cert, key: o.key, ca: o.ca, source: "dev-certs" };
  } catch (e) {
    throw new TlsSetupError({
      vi: `Không tạo được chứng chỉ phát triển (office-addin-dev-certs: ${(e as Error).message}). Hãy dùng chứng chỉ của cơ quan: --cert FILE --key FILE (xem docs/trien-khai.md).`,
      en: `Could not set up the development certificate (office-addin-dev-certs: ${(e as Error).message}). Use the office's certificate: --cert FILE --key FILE (see docs/trien-khai.md).`,
    });
  }
}

async function defaultDevCerts() {
  // Loaded only when needed: it installs a CA on first use (asks for admin rights / sudo).
  const devCerts = require("office-addin-dev-certs") as {
    getHttpsServerOptions(): Promise<{ cert: string; key: string; ca: string }>;
  };
  return devCerts.getHttpsServerOptions();
}
