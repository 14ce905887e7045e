import { Alert, List, Text } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { TONE } from "../components/colors";
import { countText, fmt, packageText } from "../scenarios/describe";
import type { AnalysisResult } from "./types";

const names = (scenario: Scenario, issues: number[]) => issues.map((i) => scenario.space.issues[i].name);

/** The headline: is there room for a deal, and if not, which points block it and what unblocks it. */
export function BlockingPanel({
  result,
  scenario,
  hasDraft,
}: {
  result: AnalysisResult;
  scenario: Scenario;
  hasDraft: boolean;
}) {
  const { zone, blocking, open } = result;
  const subject = hasDraft ? "The draft" : "This plan";
  if (!zone.empty)
    return (
      <Alert color={TONE.good} title="There is room for a deal" aria-live="polite">
        {countText(zone.size)} {zone.exact ? "" : "(estimated) "}
        {zone.size === "1" ? "package leaves" : "packages leave"} every party better off than no deal
        {open.length < scenario.space.issues.length
          ? ` with the ${open.length === 1 ? "open point" : `${open.length} open points`} negotiated`
          : ""}
        .
      </Alert>
    );
  return (
    <Alert color={TONE.bad} title={`${subject} is blocked`} aria-live="polite">
      {blocking && blocking.blockedOn.length > 0 ? (
        <Text fw={600}>
          {subject} is blocked on {names(scenario, blocking.blockedOn).join(", ")}: no option of{" "}
          {blocking.blockedOn.length === 1 ? "that point" : "those points"} leaves every party above its
          reservation value.
        </Text>
      ) : (
        <Text fw={600}>No package of the open points leaves every party above its reservation value.</Text>
      )}
      {blocking && blocking.sets.length > 0 && (
        <>
          <Text mt="sm">What unblocks it: reopen any one of these sets of settled points.</Text>
          <List mt={4} spacing={4}>
            {blocking.sets.map((s) => (
              <List.Item key={s.reopen.join()}>
                <Text span fw={600}>
                  Reopen {names(scenario, s.reopen).join(" + ")}
                </Text>
                {s.nash && (
                  <Text span>
                    {" "}
                    — then Nash: {packageText(scenario, s.nash.outcome, [...s.reopen, ...open])} (utilities{" "}
                    {s.nash.utilities.map(fmt).join(", ")})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {blocking?.note && <Text mt="sm">{blocking.note}</Text>}
      {blocking && (
        <Text mt="sm" size="sm">
          Closest package, each party's utility minus its reservation value:{" "}
          {blocking.closest.gaps.map((g, p) => `${result.parties[p]} ${fmt(g)}`).join(", ")}.
        </Text>
      )}
    </Alert>
  );
}
