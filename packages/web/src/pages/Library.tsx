import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { readParleyScenario, writeParleyScenario } from "@parley/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { listScenarios } from "../api";
import { TONE } from "../components/colors";
import { ErrorBox, Loading } from "../components/status";
import { editorPath, NEW_DRAFT } from "../editor/store";
import { countText } from "../scenarios/describe";
import { Upload } from "../scenarios/Upload";
import { removeUpload, UPLOAD, uploadNames, uploadText } from "../scenarios/uploads";

const scenarioPath = (key: string) => `/scenarios/${encodeURIComponent(key)}`;

export default function Library() {
  const list = useQuery({ queryKey: ["scenarios"], queryFn: listScenarios, staleTime: 60_000 });
  const [uploads, setUploads] = useState(uploadNames);
  const [filter, setFilter] = useState("");
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (list.data ?? []).filter((s) => {
    const text = `${s.name} ${s.title ?? ""} ${s.parties.join(" ")} ${s.source}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return (
    <Stack gap="xl">
      <Title order={1}>Library</Title>
      <section aria-labelledby="upload-title">
        <Title order={2} size="h3" id="upload-title">
          Upload a scenario
        </Title>
        <Text mb="sm">
          A GENIUS folder (the domain XML and one profile XML per party), GeniusWeb JSON files, or one Parley
          YAML or JSON file. It is read here in your browser, with the same checks as the <code>parley</code>{" "}
          command.
        </Text>
        <Upload onSaved={() => setUploads(uploadNames())} />
        <Text mt="md">
          Or create a new one:{" "}
          <Button component={Link} to={editorPath(NEW_DRAFT)} size="xs" variant="outline">
            Create a new scenario
          </Button>{" "}
          in the editor, starting from two parties and two points.
        </Text>
        {uploads.length > 0 && (
          <Stack gap="xs" mt="md">
            <Title order={3} size="h4">
              Uploaded in this tab
            </Title>
            {uploads.map((key) => (
              <Group key={key} gap="sm">
                <Anchor component={Link} to={scenarioPath(key)}>
                  {key.slice(UPLOAD.length)}
                </Anchor>
                <Anchor
                  size="sm"
                  component={Link}
                  to={editorPath(key)}
                  aria-label={`Edit a copy of ${key.slice(UPLOAD.length)}`}
                >
                  Edit a copy
                </Anchor>
                <Anchor
                  size="sm"
                  download={`${key.slice(UPLOAD.length)}.yaml`}
                  href={yamlHref(key)}
                  aria-label={`Download ${key.slice(UPLOAD.length)} as Parley YAML`}
                >
                  Download YAML
                </Anchor>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color={TONE.bad}
                  aria-label={`Remove ${key.slice(UPLOAD.length)}`}
                  onClick={() => {
                    removeUpload(key);
                    setUploads(uploadNames());
                  }}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="bundled-title">
        <Title order={2} size="h3" id="bundled-title">
          Bundled scenarios
        </Title>
        {list.isPending && <Loading what="Loading the scenarios…" />}
        {list.isError && <ErrorBox title="The scenario list could not be loaded" error={list.error} />}
        {list.data?.length === 0 && <Text>The server bundles no scenarios.</Text>}
        {list.data && list.data.length > 0 && (
          <TextInput
            label="Filter by name, party or source"
            placeholder="e.g. anac 2012 laptop"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            maw={420}
            my="xs"
          />
        )}
        {list.data && list.data.length > 0 && shown.length === 0 && (
          <Text>No scenario matches "{filter}".</Text>
        )}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover aria-labelledby="bundled-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Scenario</Table.Th>
                  <Table.Th>Parties</Table.Th>
                  <Table.Th>Points</Table.Th>
                  <Table.Th>Outcomes</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Editor</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((s) => (
                  <Table.Tr key={s.name}>
                    <Table.Td>
                      <Anchor component={Link} to={scenarioPath(s.name)}>
                        {s.name}
                      </Anchor>
                      {s.title && s.title !== s.name && (
                        <Text size="sm" className="muted">
                          {s.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{s.parties.join(", ")}</Table.Td>
                    <Table.Td>{s.issues}</Table.Td>
                    <Table.Td>{countText(s.outcomes)}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={TONE.neutral}>
                        {s.source === "anac" ? "ANAC" : s.source}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        size="sm"
                        component={Link}
                        to={editorPath(s.name)}
                        aria-label={`Edit a copy of ${s.name}`}
                      >
                        Edit a copy
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}

/** The uploaded scenario as a Parley YAML file to download. */
function yamlHref(key: string): string {
  const json = uploadText(key) ?? "{}";
  const yaml = writeParleyScenario(readParleyScenario(json, key), "yaml");
  return URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
}
