import { Alert, Loader, Text } from "@mantine/core";
import type { VegaLiteSpec } from "@parley/core";
import { useEffect, useRef, useState } from "react";
import { TONE } from "../components/colors";

/**
 * Draws one of the core's Vega-Lite specs. vega-embed (and with it Vega) is imported on first
 * use, so pages without a chart never download it.
 */
export function VegaChart({ spec, label }: { spec: VegaLiteSpec; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | string>("loading");
  useEffect(() => {
    let finalize: (() => void) | undefined;
    let live = true;
    import("vega-embed")
      .then(({ default: embed }) => {
        if (!live || !box.current) return;
        return embed(box.current, spec as never, { actions: false, renderer: "svg" }).then((r) => {
          if (!live) return r.finalize();
          finalize = () => r.finalize();
          setState("ready");
        });
      })
      .catch((err: unknown) => live && setState(`The chart could not be drawn: ${String(err)}`));
    return () => {
      live = false;
      finalize?.();
    };
  }, [spec]);
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      {state === "loading" && (
        <Text component="div" size="sm">
          <Loader size="xs" mr="xs" aria-hidden /> Drawing the chart…
        </Text>
      )}
      {state !== "loading" && state !== "ready" && <Alert color={TONE.bad}>{state}</Alert>}
      <div ref={box} />
    </figure>
  );
}
