import { Text, Title } from "@mantine/core";
import { TONE } from "../components/colors";
import { fmt } from "../scenarios/describe";
import type { RoomView } from "./types";

export interface UtilityPoint {
  round: number;
  utility: number;
  /** The entry's seq and the event's place in it: unique, for React keys. */
  id: string;
}

/** Events that table a package (an agreement repeats one, so it is not drawn again). */
const OFFERS = new Set(["offer", "propose", "revise"]);

/** The party's own utility of each offer it has seen, by round (1-based): its own, and everyone else's. */
export function utilitySeries(room: RoomView): { own: UtilityPoint[]; others: UtilityPoint[] } {
  const own: UtilityPoint[] = [];
  const others: UtilityPoint[] = [];
  for (const entry of room.history)
    for (const [k, e] of entry.events.entries()) {
      if (!OFFERS.has(e.action) || e.utility === undefined) continue;
      const point = { round: e.round + 1, utility: e.utility, id: `${entry.seq}.${k}` };
      (e.party === room.party ? own : others).push(point);
    }
  return { own, others };
}

const W = 360;
const H = 170;
const PAD = { left: 34, right: 10, top: 10, bottom: 28 };

/**
 * A small chart of the seat's own utility of each offer over the rounds, drawn as inline SVG: the
 * Vega chunk (about 290 kB gzip) would be many times this page's own code.
 */
export function UtilityOverTime({ room, reservation }: { room: RoomView; reservation: number }) {
  const { own, others } = utilitySeries(room);
  if (own.length + others.length === 0) return null;
  const theirs = room.protocol === "mediated" ? "The mediator's texts" : "Their offers";
  const last = Math.max(2, ...own.map((p) => p.round), ...others.map((p) => p.round));
  const x = (round: number) => PAD.left + ((round - 1) / (last - 1)) * (W - PAD.left - PAD.right);
  const y = (u: number) => PAD.top + (1 - u) * (H - PAD.top - PAD.bottom);
  const series = [
    { name: "Your offers", points: own, color: TONE.info, shape: "circle" },
    { name: theirs, points: others, color: TONE.orange, shape: "square" },
  ];
  return (
    <section aria-labelledby="over-time-title">
      <Title order={2} size="h4" id="over-time-title">
        Your utility over time
      </Title>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: 480 }}
        role="img"
        aria-label={`Your utility of each offer: ${own.length} yours, ${others.length} ${theirs.toLowerCase()}, rounds 1 to ${last}`}
      >
        {[0, 0.5, 1].map((u) => (
          <g key={u}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(u)} y2={y(u)} stroke="#dee2e6" />
            <text x={PAD.left - 4} y={y(u) + 4} fontSize={10} textAnchor="end" fill={TONE.neutral}>
              {u}
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(reservation)}
          y2={y(reservation)}
          stroke={TONE.bad}
          strokeDasharray="4 3"
        >
          <title>Your reservation value {fmt(reservation)}</title>
        </line>
        {[1, last].map((r) => (
          <text
            key={r}
            x={x(r)}
            y={H - PAD.bottom + 14}
            fontSize={10}
            textAnchor="middle"
            fill={TONE.neutral}
          >
            {r}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 4} fontSize={10} textAnchor="middle" fill={TONE.neutral}>
          round
        </text>
        {series.map((s) => (
          <g key={s.name}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={1.5}
              points={s.points.map((p) => `${x(p.round)},${y(p.utility)}`).join(" ")}
            />
            {s.points.map((p) =>
              s.shape === "circle" ? (
                <circle key={p.id} cx={x(p.round)} cy={y(p.utility)} r={3} fill={s.color}>
                  <title>{`${s.name}, round ${p.round}: utility ${fmt(p.utility)}`}</title>
                </circle>
              ) : (
                <rect key={p.id} x={x(p.round) - 3} y={y(p.utility) - 3} width={6} height={6} fill={s.color}>
                  <title>{`${s.name}, round ${p.round}: utility ${fmt(p.utility)}`}</title>
                </rect>
              ),
            )}
          </g>
        ))}
      </svg>
      <Text size="xs">
        <span style={{ color: TONE.info }}>●</span> Your offers ·{" "}
        <span style={{ color: TONE.orange }}>■</span> {theirs} · <span style={{ color: TONE.bad }}>- -</span>{" "}
        your reservation value
      </Text>
    </section>
  );
}
