/**
 * Imported first by the command line (src/cli/main.ts), before any schema is built or used: zod
 * parses without generating code (`new Function`) for each object schema. A command runs once per
 * process, so the generated parsers were compiled for one or two uses each (the shipped template
 * sets are checked at start-up); without them `xeploai --help` starts about 50 ms sooner. Parsing
 * gives the same results either way.
 */
import { config } from "zod";

config({ jitless: true });
