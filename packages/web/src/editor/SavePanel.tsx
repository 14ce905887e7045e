import { Anchor, Button, Group, Text } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { useState } from "react";
import { Link } from "react-router";
import { saveUpload, UPLOAD, uploadNames } from "../scenarios/uploads";

/**
 * Puts the scenario among this tab's uploads (the Library's store), where the Analysis and New
 * room pages find it as `upload:<name>`.
 */
export function SavePanel({ scenario }: { scenario?: Scenario }) {
  const [saved, setSaved] = useState<{ key: string; replaced: boolean } | null>(null);
  const save = () => {
    if (!scenario) return;
    const replaced = uploadNames().includes(`${UPLOAD}${scenario.name}`);
    setSaved({ key: saveUpload(scenario), replaced });
  };
  return (
    <div>
      <Group>
        <Button disabled={!scenario} onClick={save}>
          Save to this tab's library
        </Button>
        {!scenario && <Text size="sm">Fix the problem above first.</Text>}
      </Group>
      <div aria-live="polite">
        {saved && (
          <Group gap="md" mt="sm">
            <Text size="sm">
              Saved as "{saved.key.slice(UPLOAD.length)}"
              {saved.replaced ? ", replacing the one saved before" : ""}.
            </Text>
            <Anchor component={Link} to={`/scenarios/${encodeURIComponent(saved.key)}`}>
              Open its analysis
            </Anchor>
            <Anchor component={Link} to={`/rooms/new?scenario=${encodeURIComponent(saved.key)}`}>
              Open a room with it
            </Anchor>
          </Group>
        )}
      </div>
    </div>
  );
}
