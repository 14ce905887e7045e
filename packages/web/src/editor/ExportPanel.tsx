import { Alert, Button, List, Stack, Table, Text } from "@mantine/core";
import type { Scenario } from "@parley/core";
import { useState } from "react";
import { TONE } from "../components/colors";
import { type ExportFormat, exportScenario, FORMATS, saveDownload } from "./export";

type Outcome = { name: string; warnings: string[] } | { error: string } | null;

/** Downloads the scenario in every format Parley writes, saying what each format loses. */
export function ExportPanel({ scenario }: { scenario?: Scenario }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const download = (format: ExportFormat) => {
    if (!scenario) return;
    try {
      const file = exportScenario(scenario, format);
      saveDownload(file);
      setOutcome({ name: file.name, warnings: file.warnings });
    } catch (err) {
      setOutcome({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <Stack gap="sm">
      {!scenario && <Text>Fix the problem above first: only a scenario that reads can be exported.</Text>}
      <Table aria-label="Export formats">
        <Table.Tbody>
          {FORMATS.map((f) => (
            <Table.Tr key={f.format}>
              <Table.Td w={220}>
                <Button size="xs" variant="outline" disabled={!scenario} onClick={() => download(f.format)}>
                  Download {f.label}
                </Button>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.note}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div aria-live="polite">
        {outcome && "error" in outcome && (
          <Alert color={TONE.bad} title="This format cannot hold the scenario">
            {outcome.error}
          </Alert>
        )}
        {outcome && "name" in outcome && (
          <Alert
            color={outcome.warnings.length > 0 ? TONE.warn : TONE.good}
            title={`Downloaded ${outcome.name}`}
          >
            {outcome.warnings.length === 0 ? (
              <Text size="sm">Nothing was lost.</Text>
            ) : (
              <List size="sm">
                {outcome.warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
