import { List, Text } from "@mantine/core";
import type { Draft } from "./draft";
import { type Package, utilityOf } from "./elicit";
import { NumberField } from "./NumberField";
import { packageText, score } from "./package-text";

interface Props {
  draft: Draft;
  who: string;
  order: Package[];
  weights: number[];
  values: number[][];
  reservation: number;
  onReservation: (r: number) => void;
}

/** Step 4: what no deal is worth, as a score, checked against the packages just ranked. */
export function ReservationStep({ draft, who, order, weights, values, reservation, onReservation }: Props) {
  return (
    <>
      <Text mb="sm">
        If the talks fail, what is {who} left with? Give no deal a score out of 100, like the packages: {who}{" "}
        will turn down any package that scores less.
      </Text>
      <NumberField
        label="No deal is worth (score out of 100)"
        min={0}
        max={100}
        step={5}
        allowDecimal={false}
        maw={280}
        value={score(reservation)}
        onValue={(v) => onReservation(Math.min(100, Math.max(0, v)) / 100)}
      />
      <List mt="sm" size="sm">
        {order.map((pkg) => {
          const s = score(utilityOf(weights, values, pkg));
          return (
            <List.Item key={pkg.join(",")}>
              {packageText(draft, pkg)}: {s},{" "}
              {s >= score(reservation) ? "better than no deal" : `${who} would rather walk away`}
            </List.Item>
          );
        })}
      </List>
    </>
  );
}
