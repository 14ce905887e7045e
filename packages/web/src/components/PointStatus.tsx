import { Badge } from "@mantine/core";
import type { PointStatus } from "@parley/core";
import { TONE } from "./colors";

const COLOR: Record<PointStatus, string> = { settled: TONE.good, disputed: TONE.bad, open: TONE.neutral };

export function PointStatusBadge({ status }: { status: PointStatus }) {
  return (
    <Badge color={COLOR[status]} variant="filled" radius="sm">
      {status}
    </Badge>
  );
}
