import type { Command } from "commander";
import { registerAgents } from "./agents.js";
import { registerAnalyze } from "./analyze.js";
import { registerConvert } from "./convert.js";
import { registerDemo } from "./demo.js";
import { registerEval } from "./eval.js";
import { registerInspect } from "./inspect.js";
import { registerNegotiate } from "./negotiate.js";
import { registerRecord } from "./record.js";
import { registerTournament } from "./tournament.js";

/** Every `parley` sub-command; one module each under commands/. */
export function registerCommands(program: Command): void {
  registerInspect(program);
  registerEval(program);
  registerConvert(program);
  registerTournament(program);
  registerNegotiate(program);
  registerAgents(program);
  registerAnalyze(program);
  registerRecord(program);
  registerDemo(program);
  void program;
}
