/**
 * Starts the pane's submissions worker. Webpack 5 turns this `new Worker(new URL(…))` into a
 * separate script (dist/submissions-worker.*.js) holding the reader and the core; it is fetched
 * the first time files are read. Only the built pane loads this module (Jest never does).
 */
import type { Endpoint, Request, Response } from "./protocol";

export function spawnSubmissionsWorker(): Endpoint<Response, Request> {
  return new Worker(
    /* webpackChunkName: "submissions-worker" */ new URL(
      "./submissions.worker.ts",
      import.meta.url
    ),
    { name: "xeploai-submissions" }
  ) as unknown as Endpoint<Response, Request>;
}
