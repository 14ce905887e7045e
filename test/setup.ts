import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/temp.js";

// Runs in every test file: whatever tempDir() made is gone when the file's tests are.
afterAll(removeTempDirs);
