/*
 * The ribbon's function file (FunctionFile resid="Commands.Url" in manifest.xml).
 *
 * Every XếpLoại ribbon button is a ShowTaskpane action that opens the task pane on one part
 * (taskpane.html?part=templates|validate|consolidate|print), so no ExecuteFunction handler is
 * registered here. Office still loads this page for the add-in's commands and needs it to call
 * Office.onReady. To add a button that runs code without the pane, declare
 * <Action xsi:type="ExecuteFunction"><FunctionName>name</FunctionName></Action> in the manifest and
 * register it here with Office.actions.associate("name", handler); the handler must call
 * event.completed().
 */

Office.onReady(() => {
  // Nothing to initialise: the buttons open the task pane.
});
