"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Picks the sample whose activation maps the page shows (any sample id). */
export function SamplePicker({ modelId, sampleId }: { modelId: number; sampleId: number | null }) {
  const router = useRouter();
  const [value, setValue] = useState(sampleId === null ? "" : String(sampleId));
  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (/^\d+$/.test(value)) router.push(`/models/${modelId}/viz?sample=${value}`);
      }}
    >
      <label>
        Sample id <input type="number" min={1} value={value} onChange={(e) => setValue(e.target.value)} style={{ width: "7rem" }} />
      </label>
      <button type="submit" className="secondary">Show</button>
    </form>
  );
}
