import { Button, Group, Stepper } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { choiceLabels, choiceValues, fromRatings } from "./choices";
import type { Draft, DraftParty } from "./draft";
import {
  type Fit,
  fitWeights,
  type Package,
  packagesToRank,
  ratingsFromValues,
  valuesFromRatings,
} from "./elicit";
import { RankStep } from "./RankStep";
import { RateStep } from "./RateStep";
import { ReservationStep } from "./ReservationStep";
import { SplitStep } from "./SplitStep";
import { normalise, tidyWeights } from "./weights";

interface Props {
  draft: Draft;
  party: number;
  onDone: (profile: Pick<DraftParty, "weights" | "values" | "curves" | "reservation">) => void;
}

const STEPS = ["Split 100 points", "Rate the options", "Order a few packages", "No deal"];

/**
 * The guided elicitation of one party's preferences. The step is in the address (`?step=2`), so
 * the back button goes back a step.
 */
export function Elicitation({ draft, party: k, onDone }: Props) {
  const party = draft.parties[k];
  const who = party.name || `party ${k + 1}`;
  const [params, setParams] = useSearchParams();
  const active = Math.min(STEPS.length - 1, Math.max(0, Number(params.get("step") ?? 1) - 1 || 0));
  const go = (step: number) => setParams({ step: String(step + 1) });
  const [weights, setWeights] = useState(() => normalise(party.weights));
  // A number range is rated at a few of its values (choices.ts); the ratings it starts with are kept
  // to tell whether its curve was rated anew.
  const [started] = useState(() => ratingsFromValues(choiceValues(draft, k)));
  const [ratings, setRatings] = useState(started);
  const [reservation, setReservation] = useState(party.reservation);
  const [ranked, setRanked] = useState<{ order: Package[]; fit: Fit | null } | null>(null);
  const values = valuesFromRatings(ratings);
  // The packages are drawn once per set of ratings, so reordering them never swaps them out.
  const order =
    ranked?.order ??
    packagesToRank(
      draft.points.map((p) => choiceLabels(p).length),
      weights,
      values,
      `${draft.name}/${party.name}`,
    );
  const move = (from: number, delta: number) => {
    const next = [...order];
    [next[from], next[from + delta]] = [next[from + delta], next[from]];
    const fit = fitWeights(weights, values, next);
    setWeights(fit.weights);
    setRanked({ order: next, fit });
  };

  return (
    <>
      <Stepper active={active} onStepClick={go} size="sm" mb="lg">
        <Stepper.Step label={STEPS[0]}>
          <SplitStep
            draft={draft}
            who={who}
            weights={weights}
            onWeights={(w) => {
              setWeights(w);
              setRanked((r) => r && { order: r.order, fit: null });
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={STEPS[1]}>
          <RateStep
            draft={draft}
            who={who}
            ratings={ratings}
            onRatings={(r) => {
              setRatings(r);
              setRanked(null);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={STEPS[2]}>
          <RankStep
            draft={draft}
            who={who}
            order={order}
            weights={weights}
            values={values}
            fit={ranked?.fit ?? null}
            onMove={move}
          />
        </Stepper.Step>
        <Stepper.Step label={STEPS[3]}>
          <ReservationStep
            draft={draft}
            who={who}
            order={order}
            weights={weights}
            values={values}
            reservation={reservation}
            onReservation={setReservation}
          />
        </Stepper.Step>
      </Stepper>
      <Group>
        {active > 0 && (
          <Button variant="default" onClick={() => go(active - 1)}>
            Previous step
          </Button>
        )}
        {active < STEPS.length - 1 && <Button onClick={() => go(active + 1)}>Next step</Button>}
        {active === STEPS.length - 1 && (
          <Button
            onClick={() =>
              onDone({
                weights: tidyWeights(weights),
                ...fromRatings(draft, k, values, ratings, started),
                reservation,
              })
            }
          >
            Use these preferences for {who}
          </Button>
        )}
      </Group>
    </>
  );
}
