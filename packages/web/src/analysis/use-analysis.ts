import * as Comlink from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnalysisRequest, AnalysisResult } from "./types";
import type { AnalysisWorker } from "./worker";

export type AnalysisState =
  | { status: "idle" }
  | { status: "running"; stage: string; fraction: number; startedAt: number; previous?: AnalysisResult }
  | { status: "done"; result: AnalysisResult }
  | { status: "cancelled"; previous?: AnalysisResult }
  | { status: "error"; message: string };

/**
 * Runs the analysis of `request` in a Web Worker (a new one per request, so a newer request or
 * Cancel simply ends the old worker, however deep in the computation it is).
 */
export function useAnalysis(request: AnalysisRequest | null): { state: AnalysisState; cancel: () => void } {
  const [state, setState] = useState<AnalysisState>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  const last = useRef<AnalysisResult | undefined>(undefined);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => {
    if (request === null) return;
    stop();
    const w = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    const remote = Comlink.wrap<AnalysisWorker>(w);
    let live = true;
    setState({
      status: "running",
      stage: "Starting",
      fraction: 0,
      startedAt: performance.now(),
      previous: last.current,
    });
    const onStage = Comlink.proxy((stage: string, fraction: number) => {
      if (live) setState((s) => (s.status === "running" ? { ...s, stage, fraction } : s));
    });
    remote.analyse(request, onStage).then(
      (result) => {
        if (!live) return;
        last.current = result;
        setState({ status: "done", result });
        w.terminate();
      },
      (err: unknown) => {
        if (live) setState({ status: "error", message: err instanceof Error ? err.message : String(err) });
        w.terminate();
      },
    );
    return () => {
      live = false;
      w.terminate();
    };
  }, [request, stop]);

  const cancel = useCallback(() => {
    stop();
    setState({ status: "cancelled", previous: last.current });
  }, [stop]);

  return { state, cancel };
}
