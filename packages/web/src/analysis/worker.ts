import * as Comlink from "comlink";
import { analyse } from "./analyse";

// Off the page's thread: the page never freezes, and cancels by ending the worker.
const api = { analyse };
export type AnalysisWorker = typeof api;
Comlink.expose(api);
