import { Button, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMemo } from "react";
import { CheckSummary } from "./CheckSummary";
import { checkDraft } from "./check";
import type { Draft } from "./draft";
import { ExportPanel } from "./ExportPanel";
import { addParty, addPoint } from "./edits";
import { PartyCard } from "./PartyCard";
import { PointCard } from "./PointCard";
import { ProblemText } from "./ProblemText";
import { SavePanel } from "./SavePanel";

interface Props {
  draft: Draft;
  editKey: string;
  onChange: (d: Draft) => void;
}

/** The whole editor: the scenario's name, its points, its parties, saving and export. */
export function ScenarioEditor({ draft, editKey, onChange }: Props) {
  const check = useMemo(() => checkDraft(draft), [draft]);
  const { error } = check;
  const onScenario = error && error.point === undefined && error.party === undefined ? error : undefined;
  return (
    <Stack gap="xl">
      <CheckSummary check={check} />
      <section aria-labelledby="about-title">
        <Title order={2} size="h3" id="about-title" mb="xs">
          About
        </Title>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              label="Name"
              description="Its identity: file names and the library use it"
              value={draft.name}
              onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
            />
            <TextInput
              label="Title (optional)"
              value={draft.title}
              onChange={(e) => onChange({ ...draft, title: e.currentTarget.value })}
            />
          </Group>
          <Textarea
            label="Description (optional)"
            rows={3}
            value={draft.description}
            onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
          />
          {onScenario && <ProblemText problem={onScenario} />}
        </Stack>
      </section>
      <section aria-labelledby="points-title">
        <Title order={2} size="h3" id="points-title" mb="xs">
          Points
        </Title>
        <Stack gap="md">
          {draft.points.length === 0 && <Text>No points yet: a scenario needs at least one.</Text>}
          {draft.points.map((p, i) => (
            <PointCard
              key={p.id}
              draft={draft}
              index={i}
              onChange={onChange}
              problem={error?.point === i && error.party === undefined ? error : undefined}
              warnings={check.warnings.filter((w) => w.point === i && w.party === undefined)}
            />
          ))}
          <Group>
            <Button variant="light" onClick={() => onChange(addPoint(draft))}>
              Add a point
            </Button>
          </Group>
        </Stack>
      </section>
      <section aria-labelledby="parties-title">
        <Title order={2} size="h3" id="parties-title" mb="xs">
          Parties
        </Title>
        <Stack gap="md">
          {draft.parties.length === 0 && <Text>No parties yet: a scenario needs at least one.</Text>}
          {draft.parties.map((p, k) => (
            <PartyCard
              key={p.id}
              draft={draft}
              index={k}
              editKey={editKey}
              onChange={onChange}
              problem={error?.party === k ? error : undefined}
              warnings={check.warnings.filter((w) => w.party === k)}
            />
          ))}
          <Group>
            <Button variant="light" onClick={() => onChange(addParty(draft))}>
              Add a party
            </Button>
          </Group>
        </Stack>
      </section>
      <section aria-labelledby="save-title">
        <Title order={2} size="h3" id="save-title" mb="xs">
          Save and export
        </Title>
        <Stack gap="md">
          <SavePanel scenario={check.scenario} />
          <ExportPanel scenario={check.scenario} />
        </Stack>
      </section>
    </Stack>
  );
}
