/**
 * The pane's record of its work, kept in `workbook.settings` (ExcelApi 1.4: saved inside the
 * document, private to this add-in, invisible to people and to the .xlsx reader). Ribbon buttons
 * reload the pane; a record here survives that on every Excel, where a shared runtime (needed to
 * switch parts inside a loaded pane) does not exist on perpetual Excel 2016/2019.
 */
import type { AdapterEnv } from "./env";
import { describeWriteError, describeOfficeError } from "./errors";

export const STATE_SETTING_PREFIX = "xeploai.pane:";

export async function saveState(env: AdapterEnv, key: string, value: unknown): Promise<void> {
  try {
    await env.guard.during(() =>
      env.run(async (context) => {
        context.workbook.settings.add(STATE_SETTING_PREFIX + key, value);
        await context.sync();
      })
    );
  } catch (e) {
    throw await describeWriteError(env, e, {
      vi: "Không lưu được kết quả vào sổ làm việc",
      en: "Could not keep the result in the workbook",
    });
  }
}

export async function loadState(env: AdapterEnv, key: string): Promise<unknown> {
  try {
    return await env.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_SETTING_PREFIX + key);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? null : (setting.value as unknown);
    });
  } catch (e) {
    throw describeOfficeError(e, {
      vi: "Không đọc được kết quả đã lưu trong sổ làm việc",
      en: "Could not read the result kept in the workbook",
    });
  }
}
