/**
 * The task pane's Web Worker: reads returned files, consolidates and builds the master model off
 * the main thread, which only talks to Excel. Started by worker/spawn.ts; the messages are in
 * protocol.ts.
 */
import { createHost, type Request, type Response } from "./protocol";
import { realJobs } from "./jobs";

const scope = globalThis as unknown as {
  postMessage(message: Response): void;
  addEventListener(type: "message", listener: (event: { data: Request }) => void): void;
};

const host = createHost(realJobs(), (message) => scope.postMessage(message));
scope.addEventListener("message", (event) => void host.handle(event.data));
