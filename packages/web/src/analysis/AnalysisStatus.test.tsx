// @vitest-environment jsdom
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderPage } from "../test/render";
import { AnalysisStatus } from "./AnalysisStatus";

describe("AnalysisStatus", () => {
  it("shows the stage and the percentage done with a progress bar, and Cancel asks to stop", async () => {
    const onCancel = vi.fn();
    renderPage(
      <AnalysisStatus
        state={{ status: "running", stage: "Agreement zone", fraction: 0.423, startedAt: performance.now() }}
        onCancel={onCancel}
        onRerun={() => {}}
      />,
    );
    const bar = await screen.findByRole("progressbar", { name: "Analysis progress" });
    expect(bar).toHaveAttribute("aria-valuenow", "42");
    expect(screen.getByRole("status")).toHaveTextContent(/Analysing: Agreement zone… 42% · \d+\.\d s/);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it("after a cancel, says so and offers to run it again", async () => {
    const onRerun = vi.fn();
    renderPage(<AnalysisStatus state={{ status: "cancelled" }} onCancel={() => {}} onRerun={onRerun} />);
    expect(await screen.findByText("Analysis cancelled")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Run it again" }));
    expect(onRerun).toHaveBeenCalledOnce();
  });
});
