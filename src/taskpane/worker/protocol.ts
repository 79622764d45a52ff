/**
 * The messages between the task pane and its submissions worker, and both ends of them, as pure
 * code: the host (what runs inside the worker: read each file, consolidate, build the master) and
 * the client (what the pane calls: promises, per-file progress, cancelling through an AbortSignal).
 * Neither knows about Worker itself: they talk through an Endpoint, so the same client runs over a
 * real Web Worker (worker/spawn.ts), over an in-thread endpoint where there is no Worker
 * (inThreadEndpoint), and over a test channel in Jest.
 *
 * A file's bytes are transferred to the worker (not copied); statuses, the consolidation and the
 * master model are structured-cloned back (plain data: no functions, no class instances).
 */
import type { LocalizedText } from "../../core/i18n";
import type { WorkbookModel } from "../../core/sheet/model";
import type { UnitRegister } from "../../core/units/types";
import type { FileStatus } from "../state/consolidate-flow";
import { both } from "../i18n/strings";
import type { BuildMasterInput, ConsolidateInput, Consolidated } from "../state/services";

// ---------------------------------------------------------------- messages

export type Request =
  | {
      kind: "read";
      id: number;
      files: { name: string; bytes: Uint8Array }[];
      register: UnitRegister;
    }
  | { kind: "consolidate"; id: number; input: ConsolidateInput; now: string }
  | { kind: "buildMaster"; id: number; input: BuildMasterInput }
  | { kind: "cancel"; id: number };

export type Response =
  | { kind: "progress"; id: number; index: number; total: number; name: string }
  | { kind: "file"; id: number; index: number; status: FileStatus }
  | { kind: "done"; id: number; value: unknown }
  | { kind: "failed"; id: number; message: LocalizedText }
  | { kind: "cancelled"; id: number };

/** What the host needs to do its jobs (worker/jobs.ts gives the real ones). */
export interface WorkerJobs {
  readFile(bytes: Uint8Array, name: string, register: UnitRegister): Promise<FileStatus>;
  consolidate(input: ConsolidateInput, now: string): Consolidated;
  buildMaster(input: BuildMasterInput): WorkbookModel;
}

/** A message channel: a Worker, the worker's own global scope, or an in-thread or test stand-in. */
export interface Endpoint<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: In }) => void): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  terminate?(): void;
}

// ---------------------------------------------------------------- host (inside the worker)

/** Lets queued messages (a cancel) in between two files. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function failure(err: unknown): LocalizedText {
  return both("backgroundFailed", { detail: err instanceof Error ? err.message : String(err) });
}

/**
 * The worker's side: `handle` each request; responses go through `post`. Files are read one after
 * the other; a cancel is honoured between two files (the file being read is finished).
 */
export function createHost(jobs: WorkerJobs, post: (message: Response) => void) {
  const cancelled = new Set<number>();
  return {
    async handle(req: Request): Promise<void> {
      if (req.kind === "cancel") {
        cancelled.add(req.id);
        return;
      }
      const id = req.id;
      try {
        if (req.kind === "read") {
          const total = req.files.length;
          for (const [index, file] of req.files.entries()) {
            await nextTurn();
            if (cancelled.has(id)) {
              cancelled.delete(id);
              post({ kind: "cancelled", id });
              return;
            }
            post({ kind: "progress", id, index, total, name: file.name });
            const status = await jobs.readFile(file.bytes, file.name, req.register);
            post({ kind: "file", id, index, status });
          }
          post({ kind: "done", id, value: null });
        } else if (req.kind === "consolidate") {
          post({ kind: "done", id, value: jobs.consolidate(req.input, req.now) });
        } else {
          post({ kind: "done", id, value: jobs.buildMaster(req.input) });
        }
      } catch (err) {
        post({ kind: "failed", id, message: failure(err) });
      }
      cancelled.delete(id);
    },
  };
}

// ---------------------------------------------------------------- client (the pane)

/** Thrown when the official cancels (or the pane's worker is gone). */
export class CancelledError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "AbortError";
  }
}

/** The worker stopped (script not loaded, crashed): the service retries in the pane itself. */
export class WorkerFailedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "WorkerFailedError";
  }
}

export const CANCELLED_CONSOLIDATION: LocalizedText = both("consolidationCancelled");

interface Pending {
  onProgress?: (index: number, total: number, name: string) => void;
  onFile?: (index: number, status: FileStatus) => void;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  cancelled?: () => void;
}

export interface ReadCallbacks {
  onProgress?: (fileIndex: number, total: number, name: string) => void;
  onFile?: (index: number, status: FileStatus) => void;
  signal?: AbortSignal;
}

export type Client = ReturnType<typeof createClient>;

/**
 * The pane's side. `read` resolves with the statuses of the files read, in order (fewer than the
 * files given when cancelled); `consolidate` and `buildMaster` reject with CancelledError when the
 * signal aborts (the worker is then stopped: a long step cannot be interrupted inside it).
 */
export function createClient(endpoint: Endpoint<Response, Request>) {
  let nextId = 1;
  let broken: WorkerFailedError | null = null;
  const pending = new Map<number, Pending>();

  endpoint.addEventListener("message", ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    switch (data.kind) {
      case "progress":
        p.onProgress?.(data.index, data.total, data.name);
        break;
      case "file":
        p.onFile?.(data.index, data.status);
        break;
      case "done":
        pending.delete(data.id);
        p.resolve(data.value);
        break;
      case "cancelled":
        pending.delete(data.id);
        p.cancelled?.();
        break;
      case "failed":
        pending.delete(data.id);
        p.reject(new Error(data.message.en, { cause: data.message }));
        break;
    }
  });
  endpoint.addEventListener("error", (event) => {
    const detail =
      typeof event === "object" && event !== null && "message" in event
        ? String((event as { message: unknown }).message)
        : "worker error";
    broken = new WorkerFailedError(detail);
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  });

  function start(p: Pending): number {
    if (broken) throw broken;
    const id = nextId++;
    pending.set(id, p);
    return id;
  }

  /** A one-shot job; aborting rejects at once and stops the worker. */
  function oneShot<T>(make: (id: number) => Request, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError(CANCELLED_CONSOLIDATION));
      let id = 0;
      const onAbort = () => {
        pending.delete(id);
        endpoint.terminate?.();
        broken = new WorkerFailedError("stopped after a cancel");
        reject(new CancelledError(CANCELLED_CONSOLIDATION));
      };
      id = start({
        resolve: (v) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(v as T);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", onAbort);
          reject(e);
        },
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      endpoint.postMessage(make(id));
    });
  }

  return {
    /** False once the worker failed or was stopped: make a new client. */
    get usable(): boolean {
      return broken === null;
    },

    read(
      files: { name: string; bytes: Uint8Array }[],
      register: UnitRegister,
      cb: ReadCallbacks = {}
    ): Promise<FileStatus[]> {
      return new Promise<FileStatus[]>((resolve, reject) => {
        const statuses: FileStatus[] = [];
        let id = 0;
        const onAbort = () => endpoint.postMessage({ kind: "cancel", id });
        const finish = () => {
          cb.signal?.removeEventListener("abort", onAbort);
          resolve(statuses);
        };
        id = start({
          onProgress: cb.onProgress,
          onFile: (index, status) => {
            statuses[index] = status;
            cb.onFile?.(index, status);
          },
          resolve: finish,
          cancelled: finish,
          reject: (e) => {
            cb.signal?.removeEventListener("abort", onAbort);
            reject(e);
          },
        });
        cb.signal?.addEventListener("abort", onAbort, { once: true });
        // Transfer (not copy) each file's buffer when the bytes own all of it, once each.
        const transfer = [
          ...new Set(
            files
              .filter(
                (f) => f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength
              )
              .map((f) => f.bytes.buffer)
          ),
        ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
        endpoint.postMessage({ kind: "read", id, files, register }, transfer);
        if (cb.signal?.aborted) onAbort();
      });
    },

    consolidate(input: ConsolidateInput, now: string, signal?: AbortSignal): Promise<Consolidated> {
      return oneShot((id) => ({ kind: "consolidate", id, input, now }), signal);
    },

    buildMaster(input: BuildMasterInput, signal?: AbortSignal): Promise<WorkbookModel> {
      return oneShot((id) => ({ kind: "buildMaster", id, input }), signal);
    },
  };
}

// ---------------------------------------------------------------- without a Worker

/**
 * An endpoint that runs the host in this thread: where there is no Worker (or it failed), the
 * pane still reads and consolidates through the same client. Messages are delivered on the next
 * turn, as a worker's would be, so a cancel still gets in between two files.
 */
export function inThreadEndpoint(jobs: WorkerJobs): Endpoint<Response, Request> {
  const listeners: ((event: { data: Response }) => void)[] = [];
  const host = createHost(jobs, (message) => {
    setTimeout(() => {
      for (const l of listeners) l({ data: message });
    }, 0);
  });
  return {
    postMessage(message) {
      setTimeout(() => void host.handle(message), 0);
    },
    addEventListener(type: "message" | "error", listener: (event: never) => void) {
      if (type === "message") listeners.push(listener as (event: { data: Response }) => void);
    },
  };
}
