import { Button, Group, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { TONE } from "../components/colors";
import { ErrorBox } from "../components/status";
import { ownerToken } from "./owner-tokens";
import { cancelTournament, deleteTournament, isActive, type TournamentSummary } from "./tournaments-api";

/** Cancel (while it runs) or Delete: offered only by the browser holding the tournament's owner token. */
export function TournamentActions({ t }: { t: Pick<TournamentSummary, "id" | "state"> }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const cancel = useMutation({
    mutationFn: () => cancelTournament(t.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tournament", t.id] }),
  });
  const remove = useMutation({
    mutationFn: () => deleteTournament(t.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["tournaments"] });
      navigate("/tournaments");
    },
  });
  if (!ownerToken(t.id))
    return (
      <Text size="sm" c="dimmed" mt="sm">
        Only the browser that started this tournament can cancel or delete it.
      </Text>
    );
  return (
    <>
      <Group mt="sm">
        {isActive(t.state) ? (
          <Button
            variant="outline"
            color={TONE.bad}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Cancel the tournament
          </Button>
        ) : (
          <Button
            variant="subtle"
            color={TONE.bad}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm("Delete this tournament and its results?")) remove.mutate();
            }}
          >
            Delete
          </Button>
        )}
      </Group>
      {(cancel.isError || remove.isError) && (
        <ErrorBox title="The server refused" error={cancel.error ?? remove.error} />
      )}
    </>
  );
}
