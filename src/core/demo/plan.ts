/**
 * What the sample years (2019: generate.ts, 2025: generate-2025.ts) make the same way: the people's
 * names, choices written as the labels a department picks, a department's file, and the plan's
 * closing (files in name order, the templates nobody sent).
 */
import { enumLabel } from "../templates/enums";
import type { TemplateSpec } from "../templates/spec";

/** Sample names, used in order (the 2019 plan picks some by position). */
export const DEMO_NAMES: readonly string[] = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Văn Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Đức",
  "Võ Thị Hạnh",
  "Đặng Văn Hùng",
  "Bùi Thị Lan",
  "Huỳnh Văn Minh",
  "Phan Thị Nga",
  "Ngô Văn Phúc",
  "Dương Thị Quyên",
  "Lý Văn Sơn",
  "Trương Thị Thu",
];

/** A choice as a department types or picks it: its Vietnamese label (the code if unknown). */
export const choiceLabel = (enumId: string, code: string): string =>
  enumLabel(enumId, code)?.vi ?? code;

/** A department's returned file of `spec`, named "<section>-<id>.xlsx". */
export function departmentFile<R>(
  spec: TemplateSpec,
  times: { generatedAt: string; modifiedAt: string },
  rows: R[]
): { fileName: string; templateId: string; generatedAt: string; modifiedAt: string; rows: R[] } {
  return { fileName: `${spec.section}-${spec.id}.xlsx`, templateId: spec.id, ...times, rows };
}

/** The plan: files in name order, and the templates of the catalog nobody sent. */
export function finishPlan<F extends { fileName: string; templateId: string }>(
  catalog: readonly TemplateSpec[],
  files: F[],
  mistakes: string[]
): { files: F[]; missing: string[]; mistakes: string[] } {
  const sent = new Set(files.map((f) => f.templateId));
  return {
    files: files.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0)),
    missing: catalog.map((s) => s.id).filter((id) => !sent.has(id)),
    mistakes,
  };
}
