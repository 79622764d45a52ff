/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { PaneController } from "../../src/taskpane/state/pane-controller";
import { mockPort, renderPane, testServices } from "./helpers";

describe("one error boundary per part", () => {
  it("a crash in Mẫu biểu shows a message there and leaves Kiểm tra usable", async () => {
    const port = mockPort();
    const controller = new PaneController(port, testServices());
    jest.spyOn(controller, "templateGroups").mockImplementation(() => {
      throw new Error("catalogue broken");
    });
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderPane({ port, controller, initialPart: "templates" });

    const panel = screen.getByRole("tabpanel", { name: "Mẫu biểu" });
    const alert = within(panel).getByTestId("part-crashed");
    expect(alert.textContent).toMatch(/Phần “Mẫu biểu” gặp sự cố/);
    expect(alert.textContent).toMatch(/catalogue broken/);

    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    const validate = screen.getByRole("tabpanel", { name: "Kiểm tra" });
    expect(within(validate).getByRole("button", { name: "Kiểm tra ngay" })).toBeTruthy();
    expect(within(validate).queryByTestId("part-crashed")).toBeNull();
    quiet.mockRestore();
  });
});
