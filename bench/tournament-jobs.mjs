// The tournament benchmark's line-up, shared by bench/tournament.mjs and bench/scaling.mjs:
// 5 built-in agents × the A variant of 10 ANAC 2012 domains.
import { fileURLToPath } from "node:url";

export const AGENTS = ["boulware", "conceder", "linear", "tft", "micro"];
const DOMAINS = [
  "Amsterdam",
  "Barbecue",
  "Camera",
  "Car",
  "EnergySmall",
  "EnglandvsZimbabwe",
  "FiftyFifty",
  "Grocery",
  "ItexvsCypress",
  "Laptop",
];
/** Absolute paths of the 10 scenario folders. */
export const SCENARIOS = DOMAINS.map((d) =>
  fileURLToPath(new URL(`../scenarios/genius/anac/y2012/${d}A`, import.meta.url)),
);
