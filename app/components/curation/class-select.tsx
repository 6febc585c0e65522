"use client";

import type { CSSProperties } from "react";
import type { ClassOption } from "./class-match";

/** A class picker showing each class with its ASCII slug when they differ ("× (times)"). */
export function ClassSelect({ id, value, onChange, classes, style }: { id: string; value: string; onChange: (name: string) => void; classes: readonly ClassOption[]; style?: CSSProperties }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} style={style}>
      <option value="">choose…</option>
      {classes.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name === c.slug ? c.name : `${c.name} (${c.slug})`}
        </option>
      ))}
    </select>
  );
}
