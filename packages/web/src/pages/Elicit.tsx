import { Alert, Anchor, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { TONE } from "../components/colors";
import { choiceLabels } from "../editor/choices";
import { Elicitation } from "../editor/Elicitation";
import { setParty } from "../editor/edits";
import { editorPath, loadDraft, storeDraft } from "../editor/store";

export default function ElicitPage() {
  const { key, party } = useParams() as { key: string; party: string };
  const navigate = useNavigate();
  const draft = loadDraft(key);
  const k = Number(party) - 1;
  const back = (
    <Anchor component={Link} to={editorPath(key)} underline="always">
      Back to the editor
    </Anchor>
  );
  const empty = draft?.points.find((p) => choiceLabels(p).length === 0);
  const refusal = !draft
    ? "This tab has no draft by that name: open it in the editor first."
    : !draft.parties[k]
      ? `The draft has ${draft.parties.length} parties, not a party ${party}.`
      : draft.points.length === 0
        ? "The draft has no points yet: add some first."
        : empty &&
          (empty.kind === "options"
            ? `Point "${empty.name}" has no options: give it some first.`
            : `Point "${empty.name}" has its min above its max: fix its range first.`);
  if (!draft || refusal)
    return (
      <Alert color={TONE.bad} title="Nothing to ask about here" role="alert">
        <Text>
          {refusal} {back}
        </Text>
      </Alert>
    );
  return (
    <>
      <Title order={1}>What matters to {draft.parties[k].name || `party ${k + 1}`}?</Title>
      <Text className="muted" mb="md">
        Four short steps; what you answer fills this party's weights, option values (or curves) and
        reservation value in the editor. {back}
      </Text>
      <Elicitation
        draft={draft}
        party={k}
        onDone={(profile) => {
          storeDraft(key, setParty(draft, k, profile));
          navigate(editorPath(key), { replace: true });
        }}
      />
    </>
  );
}
