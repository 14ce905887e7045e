import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { loadScenario } from "../scenarios/load";
import { type Draft, draftFromScenario, starterDraft } from "./draft";
import { forgetDraft, loadDraft, storeDraft } from "./store";

export const NEW = "new";

/**
 * The draft for an editor address: the one this tab keeps for it, else a fresh one from the
 * starter ("new") or from a copy of the scenario `key` names (loaded as the Analysis page does).
 */
export function useDraft(key: string) {
  const [kept, setKept] = useState(() => loadDraft(key));
  const source = useQuery({
    queryKey: ["editor-source", key],
    queryFn: async () =>
      key === NEW ? starterDraft() : draftFromScenario((await loadScenario(key)).scenario),
    enabled: kept === null,
    staleTime: Infinity,
    gcTime: 0,
  });
  const draft = kept ?? source.data ?? null;
  const setDraft = useCallback(
    (next: Draft) => {
      storeDraft(key, next);
      setKept(next);
    },
    [key],
  );
  const startOver = useCallback(() => {
    forgetDraft(key);
    setKept(null);
  }, [key]);
  return { draft, setDraft, startOver, pending: draft === null && source.isPending, error: source.error };
}
