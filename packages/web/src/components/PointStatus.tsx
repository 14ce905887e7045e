import { Badge } from "@mantine/core";
import type { PointStatus } from "@parley/core";

const COLOR: Record<PointStatus, string> = { settled: "green.9", disputed: "red.9", open: "gray.8" };

export function PointStatusBadge({ status }: { status: PointStatus }) {
  return (
    <Badge color={COLOR[status]} variant="filled" radius="sm">
      {status}
    </Badge>
  );
}
