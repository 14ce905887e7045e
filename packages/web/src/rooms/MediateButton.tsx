import { Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { TONE } from "../components/colors";
import { createRoom } from "./rooms-api";

/** Creates a mediated room on the peace plan: the visitor mediates, agents play `parties`. */
export function MediateButton({ parties }: { parties: number[] }) {
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      createRoom({
        scenario: "peace-plan",
        protocol: "mediated",
        deadline: { rounds: 30 },
        seats: parties.map((party) => ({ party, agent: "boulware" })),
        mediator: { person: true },
      }),
    onSuccess: (room) => room.mediator && navigate(room.mediator.url),
  });
  return (
    <Stack gap={4}>
      <Button variant="outline" color={TONE.good} loading={create.isPending} onClick={() => create.mutate()}>
        Mediate it against {parties.length} agent parties
      </Button>
      {create.isError && (
        <Text c={TONE.bad} size="sm" role="alert">
          The room could not be created: {create.error.message}
        </Text>
      )}
    </Stack>
  );
}
