/**
 * Testing Library's findBy…/waitFor give up after 1 s by default: on a loaded machine (CI beside
 * other jobs) a pane step can take longer without being wrong. Tests assert behaviour, not speed, so
 * the wait is generous; a test that really fails still fails, only later.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 15_000 });
