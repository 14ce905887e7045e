// Colours dark enough for 4.5:1 against white and against their own light tints (WCAG AA):
// Mantine's stock shades for green, orange and yellow fall just short.
export const TONE = {
  good: "#1e6b2e",
  bad: "#a51d1d",
  warn: "#7a4b00",
  info: "#1c4f8c",
  neutral: "#495057",
  accent: "#6b2d8c",
  teal: "#0b5e57",
  orange: "#9a3a06",
} as const;
