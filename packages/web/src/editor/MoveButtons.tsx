import { Button, Group } from "@mantine/core";
import { TONE } from "../components/colors";

interface Props {
  /** The item's own id prefix, e.g. "point-7": the buttons' ids derive from it. */
  id: string;
  /** What the item is called in the buttons' labels, e.g. `point "price"`. */
  what: string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove?: () => void;
}

/** Move up / move down / remove, by keyboard too: focus follows the item that moved. */
export function MoveButtons({ id, what, index, count, onMove, onRemove }: Props) {
  const move = (delta: number) => {
    onMove(delta);
    // Moving a focused button in the page drops its focus: give it back once React has moved it.
    setTimeout(() => {
      const up = document.getElementById(`${id}-up`) as HTMLButtonElement | null;
      const down = document.getElementById(`${id}-down`) as HTMLButtonElement | null;
      const prefer = delta < 0 ? [up, down] : [down, up];
      prefer.find((b) => b && !b.disabled)?.focus();
    });
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        id={`${id}-up`}
        size="compact-sm"
        variant="default"
        aria-label={`Move ${what} up`}
        disabled={index === 0}
        onClick={() => move(-1)}
      >
        ↑
      </Button>
      <Button
        id={`${id}-down`}
        size="compact-sm"
        variant="default"
        aria-label={`Move ${what} down`}
        disabled={index === count - 1}
        onClick={() => move(1)}
      >
        ↓
      </Button>
      {onRemove && (
        <Button
          size="compact-sm"
          variant="subtle"
          color={TONE.bad}
          aria-label={`Remove ${what}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      )}
    </Group>
  );
}
