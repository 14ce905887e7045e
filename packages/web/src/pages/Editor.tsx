import { Button, Group, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { ErrorBox, Loading } from "../components/status";
import { ScenarioEditor } from "../editor/ScenarioEditor";
import { NEW_DRAFT } from "../editor/store";
import { useDraft } from "../editor/use-draft";
import { UPLOAD } from "../scenarios/uploads";

export default function EditorPage() {
  const key = useParams().key!;
  // A fresh editor per address: going from one draft to another must not carry the first one's state.
  return <DraftEditor key={key} editKey={key} />;
}

function DraftEditor({ editKey: key }: { editKey: string }) {
  const { draft, setDraft, undo, startOver, pending, error } = useDraft(key);
  const from =
    key === NEW_DRAFT
      ? "a new scenario"
      : `a copy of ${key.startsWith(UPLOAD) ? key.slice(UPLOAD.length) : key}`;
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <div>
          <Title order={1}>Scenario editor</Title>
          <Text className="muted">
            Editing {from}. Changes are kept in this tab as you type; the original is never changed.
          </Text>
        </div>
        {draft && (
          <Group gap="xs">
            <Button variant="default" disabled={!undo} onClick={undo}>
              Undo
            </Button>
            <Button variant="subtle" onClick={startOver}>
              Discard my changes and start over
            </Button>
          </Group>
        )}
      </Group>
      {pending && <Loading what="Loading the scenario to edit…" />}
      {error && !draft && <ErrorBox title={`"${key}" cannot be opened in the editor`} error={error} />}
      {draft && <ScenarioEditor draft={draft} editKey={key} onChange={setDraft} />}
    </>
  );
}
