/**
 * Owner tokens of the tournaments this browser started. The server shows a token once and cancelling
 * or deleting needs it, so it is kept in localStorage (not the tab's session: a tournament outlives it).
 */
const key = (id: string) => `parley.tournament.${id}`;

export const keepOwnerToken = (id: string, token: string) => localStorage.setItem(key(id), token);
export const ownerToken = (id: string): string | undefined => localStorage.getItem(key(id)) ?? undefined;
export const forgetOwnerToken = (id: string) => localStorage.removeItem(key(id));
