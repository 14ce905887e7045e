import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { loadScenario } from "../scenarios/load";
import { type Draft, draftFromScenario, starterDraft } from "./draft";
import { forgetDraft, loadDraft, NEW_DRAFT, storeDraft } from "./store";

/**
 * The draft for an editor address: the one this tab keeps for it, else a fresh one from the
 * starter ("new") or from a copy of the scenario `key` names (loaded as the Analysis page does).
 */
export function useDraft(key: string) {
  const [kept, setKept] = useState(() => loadDraft(key));
  const source = useQuery({
    queryKey: ["editor-source", key],
    queryFn: async () =>
      key === NEW_DRAFT ? starterDraft() : draftFromScenario((await loadScenario(key)).scenario),
    enabled: kept === null,
    staleTime: Infinity,
    gcTime: 0,
  });
  const draft = kept ?? source.data ?? null;
  // Earlier drafts of this visit, newest last, for Undo (not kept across reloads).
  const [past, setPast] = useState<Draft[]>([]);
  const remember = useCallback(() => {
    if (draft) setPast((p) => [...p.slice(1 - UNDO_STEPS), draft]);
  }, [draft]);
  const setDraft = useCallback(
    (next: Draft) => {
      remember();
      storeDraft(key, next);
      setKept(next);
    },
    [key, remember],
  );
  const undo = useCallback(() => {
    const previous = past.at(-1);
    if (!previous) return;
    setPast(past.slice(0, -1));
    storeDraft(key, previous);
    setKept(previous);
  }, [key, past]);
  const startOver = useCallback(() => {
    remember();
    forgetDraft(key);
    setKept(null);
  }, [key, remember]);
  return {
    draft,
    setDraft,
    undo: past.length > 0 ? undo : undefined,
    startOver,
    pending: draft === null && source.isPending,
    error: source.error,
  };
}

const UNDO_STEPS = 200;
