import { NumberInput, type NumberInputProps } from "@mantine/core";
import { useEffect, useRef, useState } from "react";

type Props = Omit<NumberInputProps, "value" | "onChange"> & { value: number; onValue: (v: number) => void };

/**
 * A number input that reports every complete number as it is typed, yet keeps what the person
 * typed ("0.", "") while they type; when it loses focus it shows the value the editor kept.
 */
export function NumberField({ value, onValue, ...props }: Props) {
  const [text, setText] = useState<string | number>(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  return (
    <NumberInput
      {...props}
      value={text}
      onChange={(v) => {
        setText(v);
        if (typeof v === "number") onValue(v);
      }}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        setText(value);
      }}
    />
  );
}

/** A small field for a score or value from 0 to 1, as the parties' tables have them. */
export const ScoreField = (props: Props) => (
  <NumberField min={0} max={1} step={0.1} decimalScale={4} size="xs" w={90} {...props} />
);
