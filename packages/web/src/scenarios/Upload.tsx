import { Alert, Button, Group, List, Stack } from "@mantine/core";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { TONE } from "../components/colors";
import { readScenarioFiles, textFilesOf } from "./read-files";
import { saveUpload } from "./uploads";

type Outcome = { error: string } | { warnings: string[]; key: string } | null;

/** Picks files or a folder, reads them as a scenario in the browser, and opens its analysis. */
export function Upload({ onSaved }: { onSaved: () => void }) {
  const navigate = useNavigate();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function read(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      const picked = await textFilesOf([...list]);
      const { scenario, warnings } = readScenarioFiles(picked.files, picked.folder);
      const key = saveUpload(scenario);
      onSaved();
      if (warnings.length === 0) navigate(`/scenarios/${encodeURIComponent(key)}`);
      else setOutcome({ warnings, key });
    } catch (err) {
      setOutcome({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      if (files.current) files.current.value = "";
      if (folder.current) folder.current.value = "";
    }
  }

  return (
    <Stack gap="sm">
      <Group>
        <input
          ref={files}
          type="file"
          multiple
          accept=".xml,.json,.yaml,.yml"
          hidden
          data-testid="upload-files"
          onChange={(e) => read(e.currentTarget.files)}
        />
        <input
          ref={folder}
          type="file"
          hidden
          data-testid="upload-folder"
          {...{ webkitdirectory: "" }}
          onChange={(e) => read(e.currentTarget.files)}
        />
        <Button loading={busy} onClick={() => files.current?.click()}>
          Choose scenario files
        </Button>
        <Button variant="outline" loading={busy} onClick={() => folder.current?.click()}>
          Choose a GENIUS folder
        </Button>
      </Group>
      {outcome && "error" in outcome && (
        <Alert color={TONE.bad} title="This scenario cannot be read" role="alert">
          {outcome.error}
        </Alert>
      )}
      {outcome && "warnings" in outcome && (
        <Alert color={TONE.warn} title="Read, with warnings">
          <List size="sm">
            {outcome.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
          <Button mt="sm" size="xs" onClick={() => navigate(`/scenarios/${encodeURIComponent(outcome.key)}`)}>
            Open its analysis
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
