import { Alert, Anchor, Stack, Title } from "@mantine/core";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { TONE } from "../components/colors";

export function ErrorPage() {
  const error = useRouteError();
  const missing = error === undefined || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <Stack p="md">
      <Title order={1}>{missing ? "Page not found" : "Something went wrong"}</Title>
      <Alert color={TONE.bad} title={missing ? "No page here" : "This page failed"}>
        {missing
          ? "There is no page at this address."
          : error instanceof Error
            ? error.message
            : String(error)}
      </Alert>
      <Anchor component={Link} to="/">
        Back to the peace plan
      </Anchor>
    </Stack>
  );
}
