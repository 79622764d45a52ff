/**
 * The pane's submissions worker, without a browser: the host (what runs in the worker) and the
 * client (what the pane calls) joined by a channel that structured-clones every message and
 * transfers the files' bytes, as postMessage does between the pane and a Web Worker. Then the
 * service: progress per file, cancelling, and running in the pane when the worker fails.
 */
import { loadXlsx } from "../../src/adapters/xlsx";
import { fillTemplate, generateDemo } from "../../src/core/demo";
import { DEFAULT_SETTINGS_2019 } from "../../src/core/settings/defaults";
import { buildTemplateWorkbook } from "../../src/core/template-sheet/build";
import { CATALOG } from "../../src/core/templates/catalog";
import { defaultRegister } from "../../src/core/units";
import { realJobs } from "../../src/taskpane/worker/jobs";
import {
  createClient,
  createHost,
  type Endpoint,
  type Request,
  type Response,
  type WorkerJobs,
} from "../../src/taskpane/worker/protocol";
import { PaneError, type FileStatus } from "../../src/taskpane/state/pane-controller";
import { createSubmissionsService } from "../../src/taskpane/state/submissions-service";

jest.setTimeout(120_000);

const register = defaultRegister();
const settings = { ...DEFAULT_SETTINGS_2019, documentDate: "2019-12-30" };

/** A worker stand-in: every message is cloned (bytes transferred), delivered on a later turn. */
function channel(jobs: WorkerJobs, delayMs = 0) {
  const toPane: ((e: { data: Response }) => void)[] = [];
  const onError: ((e: unknown) => void)[] = [];
  let stopped = false;
  const posted: Request[] = [];
  const host = createHost(jobs, (m) => {
    const copy = structuredClone(m);
    setTimeout(() => !stopped && toPane.forEach((l) => l({ data: copy })), 0);
  });
  const endpoint: Endpoint<Response, Request> & { fail(): void; stopped(): boolean } = {
    postMessage(m, transfer) {
      posted.push(m);
      const copy = structuredClone(m, { transfer: transfer ?? [] });
      setTimeout(() => !stopped && void host.handle(copy), delayMs);
    },
    addEventListener(type: "message" | "error", l: (e: never) => void) {
      (type === "message" ? toPane : onError).push(l as (e: unknown) => void);
    },
    terminate() {
      stopped = true;
    },
    fail() {
      stopped = true;
      onError.forEach((l) => l({ message: "script not found" }));
    },
    stopped: () => stopped,
  };
  return { endpoint, posted };
}

let demoFiles: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  const { writer } = await loadXlsx();
  const plan = generateDemo(CATALOG, register, settings);
  demoFiles = [];
  for (const f of plan.files.slice(0, 4)) {
    const spec = CATALOG.find((s) => s.id === f.templateId)!;
    const model = fillTemplate(
      buildTemplateWorkbook(spec, register, settings, { generatedAt: f.generatedAt }),
      spec,
      f
    );
    demoFiles.push({ name: f.fileName, bytes: await writer.write(model) });
  }
  demoFiles.push({ name: "bang-ke.xlsx", bytes: new TextEncoder().encode("Đơn vị;Điểm\n") });
});

const copyOf = (files: { name: string; bytes: Uint8Array }[]) =>
  files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
const picked = (files: { name: string; bytes: Uint8Array }[]) =>
  files.map((f) => ({ name: f.name, bytes: async () => f.bytes.slice() }));

/** What reading gives in the pane itself: the reference for the worker's answers. */
async function inPane(): Promise<FileStatus[]> {
  const jobs = realJobs();
  const out: FileStatus[] = [];
  for (const f of demoFiles) out.push(await jobs.readFile(f.bytes.slice(), f.name, register));
  return out;
}

test("reading through the worker: per-file progress, the same statuses, bytes transferred", async () => {
  const { endpoint } = channel(realJobs());
  const client = createClient(endpoint);
  const files = copyOf(demoFiles);
  const progress: [number, number, string][] = [];
  const seen: number[] = [];
  const statuses = await client.read(files, register, {
    onProgress: (i, n, name) => progress.push([i, n, name]),
    onFile: (i) => seen.push(i),
  });
  expect(progress).toEqual(demoFiles.map((f, i) => [i, demoFiles.length, f.name]));
  expect(seen).toEqual([0, 1, 2, 3, 4]);
  // Transferred, not copied: the pane's buffers are handed over to the worker.
  expect(files.every((f) => f.bytes.byteLength === 0)).toBe(true);
  expect(statuses.map((s) => s.state)).toEqual(["taken", "taken", "taken", "taken", "refused"]);
  expect(statuses).toEqual(await inPane());
});

test("consolidating and building the master through the worker give what the pane computes", async () => {
  const { endpoint } = channel(realJobs());
  const client = createClient(endpoint);
  const statuses = await client.read(copyOf(demoFiles), register);
  const input = {
    submissions: statuses.flatMap((s) => s.submissions),
    refused: statuses.flatMap((s) => (s.refused ? [s.refused] : [])),
    settings,
    register,
  };
  const now = "2019-12-30T09:00:00+07:00";
  const viaWorker = await client.consolidate(input, now);
  const local = realJobs().consolidate(input, now);
  expect(viaWorker.view).toEqual(local.view);
  expect(viaWorker.view.taken.length).toBe(4);
  expect(viaWorker.view.refused.map((r) => r.file)).toEqual(["bang-ke.xlsx"]);
  const model = await client.buildMaster({
    consolidated: viaWorker,
    existing: null,
    settings,
    register,
  });
  expect(model).toEqual(
    realJobs().buildMaster({ consolidated: local, existing: null, settings, register })
  );
});

/** Jobs whose reading waits until released, to cancel in the middle. */
function slowJobs() {
  const real = realJobs();
  const reads: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const jobs: WorkerJobs = {
    ...real,
    async readFile(bytes, name, reg) {
      reads.push(name);
      if (reads.length === 2) await gate;
      return real.readFile(bytes, name, reg);
    },
  };
  return { jobs, reads, release: () => release() };
}

test("cancelling: the file being read is finished, the others are reported as cancelled", async () => {
  const { jobs, reads, release } = slowJobs();
  const { endpoint } = channel(jobs);
  const service = createSubmissionsService({ spawn: async () => endpoint });
  const abort = new AbortController();
  const statusLog: [number, string][] = [];
  const done = service.readFiles(picked(demoFiles), register, {
    signal: abort.signal,
    onProgress: (i) => {
      if (i === 1) {
        abort.abort();
        setTimeout(release, 20);
      }
    },
    onStatus: (i, s) => statusLog.push([i, s.state]),
  });
  const statuses = await done;
  expect(service.mode).toBe("worker");
  expect(reads).toEqual(demoFiles.slice(0, 2).map((f) => f.name));
  expect(statuses.map((s) => s.state)).toEqual(["taken", "taken", "refused", "refused", "refused"]);
  expect(statuses[2]!.refused!.reason).toBe("cancelled");
  expect(statuses[2]!.message!.vi).toMatch(/^Đã hủy/);
  // Every file ends with a final status (none is left "reading").
  for (let i = 0; i < demoFiles.length; i++)
    expect(statusLog.filter(([k]) => k === i).pop()![1]).not.toBe("reading");
});

test("cancelling a consolidation stops the worker; the next run starts a new one", async () => {
  const channels: ReturnType<typeof channel>[] = [];
  const service = createSubmissionsService({
    spawn: async () => {
      // A slow worker: the cancel arrives while the consolidation is on its way.
      channels.push(channel(realJobs(), 50));
      return channels[channels.length - 1]!.endpoint;
    },
  });
  const statuses = await service.readFiles(picked(demoFiles), register);
  const input = {
    submissions: statuses.flatMap((s) => s.submissions),
    refused: [],
    settings,
    register,
  };
  const abort = new AbortController();
  const running = service.consolidate(input, abort.signal);
  await new Promise((r) => setTimeout(r, 10));
  expect(channels[0]!.posted.map((m) => m.kind)).toContain("consolidate");
  abort.abort();
  await expect(running).rejects.toBeInstanceOf(PaneError);
  await expect(running).rejects.toMatchObject({ text: { vi: expect.stringMatching(/^Đã hủy/) } });
  expect(channels[0]!.endpoint.stopped()).toBe(true);
  const again = await service.consolidate(input);
  expect(again.view.taken.length).toBe(4);
  expect(channels).toHaveLength(2);
});

test("a worker that fails to start: the same jobs run in the pane", async () => {
  const { endpoint } = channel(realJobs());
  const service = createSubmissionsService({
    spawn: async () => {
      setTimeout(() => endpoint.fail(), 0);
      return endpoint;
    },
  });
  const progress: number[] = [];
  const statuses = await service.readFiles(picked(demoFiles), register, {
    onProgress: (i) => progress.push(i),
  });
  expect(service.mode).toBe("in-thread");
  expect(statuses).toEqual(await inPane());
  expect(progress).toEqual([0, 1, 2, 3, 4]);
});

test("no Worker at all (an old webview, Jest): in the pane, through the same protocol", async () => {
  const service = createSubmissionsService({ spawn: async () => null });
  const statuses = await service.readFiles(picked(demoFiles), register);
  expect(service.mode).toBe("in-thread");
  expect(statuses.map((s) => s.state)).toEqual(["taken", "taken", "taken", "taken", "refused"]);
});

test("a job that throws in the worker is an error with a message for people, not a hang", async () => {
  const jobs: WorkerJobs = {
    ...realJobs(),
    consolidate: () => {
      throw new Error("boom");
    },
  };
  const client = createClient(channel(jobs).endpoint);
  await expect(
    client.consolidate({ submissions: [], refused: [], settings, register }, "2019-12-30")
  ).rejects.toMatchObject({
    cause: { vi: expect.stringMatching(/^Lỗi khi xử lý trong nền: boom/) },
  });
});
