/*
 * Placeholder created by the build set-up so `npm run build` works before the task pane UI lands.
 * The task pane owner replaces this file. Contract used by src/taskpane/index.tsx:
 * default export, props { initialPart?: PanePart }.
 */
import * as React from "react";
import type { PanePart } from "../startup";

export interface AppProps {
  initialPart?: PanePart;
}

export default function App({ initialPart }: AppProps) {
  return (
    <main>
      <h1>XếpLoại</h1>
      <p>Phần: {initialPart ?? "templates"}</p>
    </main>
  );
}
