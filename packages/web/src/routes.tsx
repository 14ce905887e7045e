import type { RouteObject } from "react-router";
import { Shell } from "./components/Shell";
import { ErrorPage } from "./pages/ErrorPage";

// Pages load on first visit: the main chunk holds the shell and the home page only.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const routes: RouteObject[] = [
  {
    path: "/",
    Component: Shell,
    ErrorBoundary: ErrorPage,
    children: [
      { index: true, lazy: page(() => import("./pages/Home")) },
      { path: "library", lazy: page(() => import("./pages/Library")) },
      { path: "scenarios/:key", lazy: page(() => import("./pages/Analysis")) },
      { path: "scenarios/:key/record", lazy: page(() => import("./pages/Record")) },
      { path: "editor/:key", lazy: page(() => import("./pages/Editor")) },
      { path: "editor/:key/elicit/:party", lazy: page(() => import("./pages/Elicit")) },
      { path: "rooms/new", lazy: page(() => import("./pages/NewRoom")) },
      { path: "rooms/:id", lazy: page(() => import("./pages/Room")) },
      { path: "tournaments", lazy: page(() => import("./pages/Tournaments")) },
      { path: "tournaments/:id", lazy: page(() => import("./pages/Tournament")) },
      { path: "*", Component: ErrorPage },
    ],
  },
];
