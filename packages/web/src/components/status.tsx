import { Alert, Group, Loader, Text } from "@mantine/core";
import { TONE } from "./colors";

/** A loading line that screen readers announce. */
export function Loading({ what }: { what: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" aria-hidden />
      <Text>{what}</Text>
    </Group>
  );
}

/** An error shown where it happened, in words. */
export function ErrorBox({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color={TONE.bad} title={title} role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
