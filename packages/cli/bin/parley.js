#!/usr/bin/env node
// Stable entry point for `npx parley`: npm links bins at install time, before the build creates dist/.
import "../dist/main.js";
