import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API lives on the Parley server; in development `vite` forwards /api to one on :8080.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": { target: "http://127.0.0.1:8080", ws: true } } },
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
