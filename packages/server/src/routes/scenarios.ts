import { writeParleyScenario } from "@parley/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ScenarioCatalog } from "../catalog.js";
import { notFound } from "../errors.js";

const nameParams = z.object({ name: z.string().min(1).max(200) });

/** The bundled scenarios and records: public, no token. */
export const scenarioRoutes: FastifyPluginAsyncZod<{ catalog: ScenarioCatalog }> = async (
  app,
  { catalog },
) => {
  app.get(
    "/api/scenarios",
    { schema: { summary: "The bundled scenarios, the peace plan first", tags: ["scenarios"] } },
    async () => catalog.list(),
  );

  app.get(
    "/api/scenarios/:name",
    {
      schema: {
        summary: "A bundled scenario in Parley's JSON form",
        tags: ["scenarios"],
        params: nameParams,
      },
    },
    async (req, reply) => {
      const scenario = catalog.get(req.params.name);
      if (!scenario) throw notFound(`no bundled scenario "${req.params.name}"`);
      return reply.type("application/json").send(writeParleyScenario(scenario, "json"));
    },
  );

  app.get(
    "/api/records/:name",
    {
      schema: {
        summary: "The record bundled with a scenario (the peace plan's)",
        tags: ["scenarios"],
        params: nameParams,
      },
    },
    async (req) => {
      const record = catalog.record(req.params.name);
      if (!record) throw notFound(`no bundled record "${req.params.name}"`);
      return record;
    },
  );
};
