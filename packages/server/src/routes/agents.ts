import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AgentList } from "../agent-list.js";

/** The agents rooms may seat and tournaments may enter: public, no token. */
export const agentRoutes: FastifyPluginAsyncZod<{ agents: AgentList }> = async (app, { agents }) => {
  app.get(
    "/api/agents",
    { schema: { summary: "The built-in agents and the operator's agent modules", tags: ["agents"] } },
    async () => agents.list(),
  );
};
