"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function PromoteButton({ id }: { id: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      className="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await fetch(`/api/models/${id}/promote`, { method: "POST" });
        router.refresh();
        setBusy(false);
      }}
    >
      Make current
    </button>
  );
}
