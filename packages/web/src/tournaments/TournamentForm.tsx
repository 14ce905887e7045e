import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { ScenarioSummary } from "../api";
import { TONE } from "../components/colors";
import type { AgentSummary, TournamentRequest } from "./tournaments-api";
import {
  type TournamentForm as Form,
  type FormErrors,
  plannedNegotiations,
  validateTournament,
} from "./validate";

interface Props {
  scenarios: ScenarioSummary[];
  agents: AgentSummary[];
  pending?: boolean;
  onSubmit(request: TournamentRequest): void;
  /** Any field changed (a refusal of the last request no longer applies). */
  onChange?(): void;
}

/** Mantine's stock description and error colours fall short of 4.5:1 contrast. */
const READABLE = { description: { color: "var(--mantine-color-gray-7)" }, error: { color: TONE.bad } };

const START: Form = { scenarios: [], agents: [], reps: 2, rounds: 100, seed: "0" };

/** Scenarios × agents × repetitions, rounds and seed; checked here before the server sees it. */
export function TournamentForm({ scenarios, agents, pending = false, onSubmit, onChange }: Props) {
  const [form, setForm] = useState<Form>(START);
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    onChange?.();
    if (tried) setErrors(validateTournament(next));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const found = validateTournament(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({
      scenarios: form.scenarios,
      agents: form.agents,
      reps: Number(form.reps),
      rounds: Number(form.rounds),
      seed: form.seed.trim(),
    });
  };
  const parties = form.scenarios.map((name) => scenarios.find((s) => s.name === name)?.parties.length ?? 2);
  const planned = plannedNegotiations(parties, form.agents.length, Number(form.reps) || 0);
  return (
    <form onSubmit={submit} noValidate aria-label="New tournament">
      <Stack gap="md">
        <MultiSelect
          label="Scenarios"
          description="Bundled scenarios; every agent plays every role of each"
          placeholder={form.scenarios.length === 0 ? "Pick or type to search" : undefined}
          data={scenarios.map((s) => ({
            value: s.name,
            label: `${s.name} (${s.parties.length} parties, ${s.issues} points)`,
          }))}
          value={form.scenarios}
          onChange={(v) => set("scenarios", v)}
          searchable
          clearable
          nothingFoundMessage="No scenario matches"
          error={errors.scenarios}
          styles={READABLE}
          maxDropdownHeight={260}
        />
        <Checkbox.Group
          label="Agents"
          description="Each plays against each, itself included"
          value={form.agents}
          onChange={(v) => set("agents", v)}
          error={errors.agents}
          styles={READABLE}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={8} mt={6}>
            {agents.map((a) => (
              <Checkbox
                key={a.name}
                value={a.name}
                label={a.name}
                description={a.source === "module" ? "operator's module" : a.description.split(";")[0]}
                styles={READABLE}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group align="flex-start">
          <NumberInput
            label="Repetitions"
            min={1}
            max={10_000}
            allowDecimal={false}
            value={form.reps}
            onChange={(v) => set("reps", v)}
            error={errors.reps}
            styles={READABLE}
            w={180}
          />
          <NumberInput
            label="Rounds (deadline)"
            min={1}
            max={100_000}
            allowDecimal={false}
            value={form.rounds}
            onChange={(v) => set("rounds", v)}
            error={errors.rounds}
            styles={READABLE}
            w={180}
          />
          <TextInput
            label="Seed"
            value={form.seed}
            onChange={(e) => set("seed", e.currentTarget.value)}
            error={errors.seed}
            styles={READABLE}
            w={180}
          />
        </Group>
        <Text size="sm" aria-live="polite">
          {planned > 0
            ? `${planned.toLocaleString("en")} negotiations (every line-up × ${Number(form.reps) || 0} repetitions)`
            : "Pick scenarios and agents to see how many negotiations this plans."}
        </Text>
        <Button type="submit" w="fit-content" loading={pending}>
          Start the tournament
        </Button>
      </Stack>
    </form>
  );
}
