import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { BUILTIN_AGENTS } from "@parley/core/catalog";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { listScenarios } from "../api";
import { TONE } from "../components/colors";
import { ErrorBox, Loading } from "../components/status";
import { createRoom, hostUrl } from "../rooms/rooms-api";
import { PEACE_PLAN, useScenario } from "../scenarios/load";
import { UPLOAD, uploadNames } from "../scenarios/uploads";

const PERSON = "person";

/** Protocol, deadline, who sits where (person or agent) and the mediator; then the waiting room. */
export default function NewRoom() {
  const [params, setParams] = useSearchParams();
  const key = params.get("scenario") ?? PEACE_PLAN;
  const list = useQuery({ queryKey: ["scenarios"], queryFn: listScenarios, staleTime: 60_000 });
  const loaded = useScenario(key);
  const navigate = useNavigate();
  const [protocol, setProtocol] = useState<"saop" | "mediated">("saop");
  const [rounds, setRounds] = useState<number | string>(40);
  const [minutes, setMinutes] = useState<number | string>("");
  const [seats, setSeats] = useState<string[]>([]);
  const [mediator, setMediator] = useState(PERSON);
  const parties = loaded.data?.scenario.parties ?? [];
  useEffect(() => setSeats(parties.map((_, k) => (k === 0 ? PERSON : "boulware"))), [parties]);

  const create = useMutation({
    mutationFn: () =>
      createRoom({
        scenario: key.startsWith(UPLOAD) ? JSON.parse(loaded.data!.json) : key,
        protocol,
        deadline: {
          ...(Number(rounds) > 0 ? { rounds: Number(rounds) } : {}),
          ...(Number(minutes) > 0 ? { timeMs: Number(minutes) * 60_000 } : {}),
        },
        seats: seats.map((s, party) => (s === PERSON ? { party } : { party, agent: s })),
        ...(protocol === "mediated"
          ? { mediator: mediator === PERSON ? { person: true as const } : { agent: mediator } }
          : {}),
      }),
    onSuccess: (room) => navigate(hostUrl(room)),
  });

  const scenarioChoices = [
    ...(list.data ?? []).map((s) => ({
      value: s.name,
      label: `${s.name} (${s.parties.length} parties, ${s.issues} points)`,
    })),
    ...uploadNames().map((k) => ({ value: k, label: `${k.slice(UPLOAD.length)} (uploaded)` })),
  ];
  if (!scenarioChoices.some((c) => c.value === key)) scenarioChoices.unshift({ value: key, label: key });

  return (
    <Stack gap="md" maw={860}>
      <Title order={1}>New room</Title>
      <Text>
        People and agents negotiate in a room on the server. Each person gets a link to their own seat.
      </Text>
      {list.isError && <ErrorBox title="The scenario list could not be loaded" error={list.error} />}
      <NativeSelect
        label="Scenario"
        value={key}
        data={scenarioChoices}
        onChange={(e) => setParams({ scenario: e.currentTarget.value })}
      />
      <Radio.Group label="Protocol" value={protocol} onChange={(v) => setProtocol(v as "saop" | "mediated")}>
        <Group mt={4}>
          <Radio value="saop" label="Alternating offers (each party offers in turn)" />
          <Radio value="mediated" label="Mediated single text (a mediator revises one text)" />
        </Group>
      </Radio.Group>
      <Group>
        <NumberInput
          label="Deadline: rounds"
          min={1}
          max={100000}
          value={rounds}
          onChange={setRounds}
          w={200}
        />
        <NumberInput
          label="and/or minutes"
          min={0}
          max={10080}
          value={minutes}
          onChange={setMinutes}
          w={200}
        />
      </Group>
      {loaded.isPending && <Loading what="Loading the scenario's parties…" />}
      {loaded.isError && <ErrorBox title="The scenario could not be loaded" error={loaded.error} />}
      {parties.length > 0 && (
        <Table aria-label="Who sits where" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Party</Table.Th>
              <Table.Th>Seated by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parties.map((p, k) => (
              <Table.Tr key={p.name}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`${p.name} seated by`}
                    size="xs"
                    value={seats[k] ?? PERSON}
                    data={[
                      { value: PERSON, label: "a person (gets a link)" },
                      ...BUILTIN_AGENTS.map((a) => ({
                        value: a.name,
                        label: `agent: ${a.name} (${a.description.split(";")[0]})`,
                      })),
                    ]}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setSeats((s) => s.map((x, i) => (i === k ? v : x)));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
            {protocol === "mediated" && (
              <Table.Tr>
                <Table.Td>Mediator</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label="Mediator seated by"
                    size="xs"
                    value={mediator}
                    data={[
                      { value: PERSON, label: "a person (gets a link)" },
                      { value: "frontier", label: "agent: frontier" },
                      { value: "annealing", label: "agent: annealing" },
                    ]}
                    onChange={(e) => setMediator(e.currentTarget.value)}
                  />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {create.isError && (
        <Alert color={TONE.bad} title="The room could not be created" role="alert">
          {create.error.message}
        </Alert>
      )}
      <Button
        w="fit-content"
        loading={create.isPending}
        disabled={parties.length === 0}
        onClick={() => create.mutate()}
      >
        Create the room
      </Button>
    </Stack>
  );
}
