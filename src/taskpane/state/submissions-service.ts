/**
 * The Tổng hợp service: reads returned files, consolidates and builds the master in the pane's
 * Web Worker (worker/), so the main thread stays free for Excel and the pane answers while
 * hundreds of files are read. Per-file progress `onProgress(fileIndex, total, name)` and statuses,
 * cancelling through an AbortSignal. Where there is no Worker (an old webview, Jest) or it fails
 * to start, the same jobs run in the pane through the same protocol (one code path to test).
 */
import type { WorkbookModel } from "../../core/sheet/model";
import type { UnitRegister } from "../../core/units/types";
import {
  CANCELLED_CONSOLIDATION,
  CancelledError,
  createClient,
  inThreadEndpoint,
  WorkerFailedError,
  type Client,
  type Endpoint,
  type Request,
  type Response,
  type WorkerJobs,
} from "../worker/protocol";
import { cancelledStatus, refusedStatus } from "./file-status";
import type { FileStatus, PickedFile } from "./consolidate-flow";
import { PaneError } from "./pane-error";
import type {
  BuildMasterInput,
  ConsolidateInput,
  Consolidated,
  ReadFilesOptions,
  SubmissionsService,
} from "./services";

export interface SubmissionsServiceOptions {
  /** Starts a worker; null (or a throw) means none: the jobs run in the pane. */
  spawn?: () => Promise<Endpoint<Response, Request> | null>;
  /** The jobs run in the pane without a worker (default: the real ones, loaded lazily). */
  jobs?: () => Promise<WorkerJobs>;
  /** ISO time of a consolidation (default: now). */
  now?: () => string;
}

/** A Web Worker where the browser has one; none elsewhere. */
async function spawnDefault(): Promise<Endpoint<Response, Request> | null> {
  if (typeof Worker === "undefined") return null;
  return (await import("../worker/spawn")).spawnSubmissionsWorker();
}

async function jobsDefault(): Promise<WorkerJobs> {
  return (await import("../worker/jobs")).realJobs();
}

export type SubmissionsServiceWithMode = SubmissionsService & {
  /** Where the last job ran: "worker", "in-thread", or "none" before any. */
  readonly mode: "worker" | "in-thread" | "none";
};

export function createSubmissionsService(
  options: SubmissionsServiceOptions = {}
): SubmissionsServiceWithMode {
  const spawn = options.spawn ?? spawnDefault;
  const jobs = options.jobs ?? jobsDefault;
  const now = options.now ?? (() => new Date().toISOString());
  let client: Client | null = null;
  let mode: "worker" | "in-thread" | "none" = "none";
  /** Set when a worker failed on its own (not stopped by a cancel): no more workers. */
  let workerFailed = false;

  async function inThread(): Promise<Client> {
    client = createClient(inThreadEndpoint(await jobs()));
    mode = "in-thread";
    return client;
  }

  async function current(): Promise<Client> {
    if (client?.usable) return client;
    if (!workerFailed) {
      const endpoint = await spawn().catch(() => null);
      if (endpoint) {
        client = createClient(endpoint);
        mode = "worker";
        return client;
      }
      workerFailed = true;
    }
    return inThread();
  }

  /** Runs a job; if the worker fails (not a cancel), once more in the pane. */
  async function withFallback<T>(job: (c: Client) => Promise<T>): Promise<T> {
    const c = await current();
    try {
      return await job(c);
    } catch (err) {
      if (err instanceof CancelledError) throw new PaneError(CANCELLED_CONSOLIDATION);
      if (!(err instanceof WorkerFailedError) || mode !== "worker") throw err;
      workerFailed = true;
      return job(await inThread());
    }
  }

  async function readSome(
    files: PickedFile[],
    indexes: number[],
    register: UnitRegister,
    out: (FileStatus | undefined)[],
    opts: ReadFilesOptions & { onStatus?: (index: number, status: FileStatus) => void },
    total: number
  ): Promise<void> {
    const c = await current();
    const batch: { name: string; bytes: Uint8Array }[] = [];
    const at: number[] = [];
    for (const i of indexes) {
      const file = files[i]!;
      try {
        batch.push({ name: file.name, bytes: await file.bytes() });
        at.push(i);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        out[i] = refusedStatus(file.name, {
          file: file.name,
          reason: "read-failed",
          message: {
            vi: `Không mở được tệp “${file.name}”: ${detail}. Hãy chọn lại tệp.`,
            en: `Could not open “${file.name}”: ${detail}. Pick the file again.`,
          },
        });
        opts.onStatus?.(i, out[i]!);
      }
    }
    try {
      await c.read(batch, register, {
        signal: opts.signal,
        onProgress: (k, _n, name) => {
          const i = at[k]!;
          opts.onProgress?.(i, total, name);
          opts.onStatus?.(i, { name, state: "reading", submissions: [] });
        },
        onFile: (k, status) => {
          out[at[k]!] = status;
          opts.onStatus?.(at[k]!, status);
        },
      });
    } catch (err) {
      if (!(err instanceof WorkerFailedError) || mode !== "worker") throw err;
      // The worker could not run: read the files it did not finish here (their bytes went to it).
      workerFailed = true;
      client = null;
      const left = indexes.filter((i) => out[i] === undefined);
      await readSome(files, left, register, out, opts, total);
    }
  }

  return {
    get mode() {
      return mode;
    },

    async readFiles(files, register, opts = {}) {
      const out: (FileStatus | undefined)[] = new Array(files.length).fill(undefined);
      if (!opts.signal?.aborted)
        await readSome(files, [...files.keys()], register, out, opts, files.length);
      return files.map((f, i) => {
        if (out[i]) return out[i]!;
        const status = cancelledStatus(f.name);
        opts.onStatus?.(i, status);
        return status;
      });
    },

    consolidate(input: ConsolidateInput, signal?: AbortSignal): Promise<Consolidated> {
      return withFallback((c) => c.consolidate(input, now(), signal));
    },

    buildMaster(input: BuildMasterInput, signal?: AbortSignal): Promise<WorkbookModel> {
      return withFallback((c) => c.buildMaster(input, signal));
    },
  };
}
