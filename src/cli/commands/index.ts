/** Every CLI command, in the order `--help` lists them. To add one: a file here and one line below. */
import type { Command } from "../registry";
import { catalogCommand } from "./catalog";
import { consolidateCommand } from "./consolidate";
import { defaultsCommand } from "./defaults";
import { demoCommand } from "./demo";
import { serveCommand } from "./serve";
import { printCommand } from "./print";
import { templatesCommand } from "./templates";
import { validateCommand } from "./validate";

export const COMMANDS: Command[] = [
  catalogCommand,
  templatesCommand,
  validateCommand,
  consolidateCommand,
  printCommand,
  demoCommand,
  defaultsCommand,
  serveCommand,
];
