import { AppShell, Group, Text } from "@mantine/core";
import { NavLink, Outlet } from "react-router";

const LINKS = [
  { to: "/", label: "Peace plan", end: true },
  { to: "/library", label: "Library", end: false },
  { to: "/rooms/new", label: "New room", end: false },
  { to: "/tournaments", label: "Tournaments", end: false },
];

export function Shell() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text component="span" fw={700} size="lg">
            Parley
          </Text>
          <nav aria-label="Main">
            <Group gap="xs">
              {LINKS.map((l) => (
                <NavLink key={l.to} to={l.to} end={l.end} className="nav-link">
                  {l.label}
                </NavLink>
              ))}
            </Group>
          </nav>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" style={{ maxWidth: 1280, margin: "0 auto" }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
