"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Sends one JSON request to the curation API and refreshes the page's server data on success;
 * `message` is the API's own text (a 400 names the field), shown next to the form.
 */
export function useApiAction() {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function send<T = unknown>(url: string, method: string, body: unknown, success: (result: T) => string): Promise<T | null> {
    setBusy(true);
    try {
      const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await res.json().catch(() => ({}))) as T & { message?: string };
      if (!res.ok) {
        setMessage({ text: json.message ?? `failed (${res.status})`, error: true });
        return null;
      }
      setMessage({ text: success(json), error: false });
      router.refresh();
      return json;
    } finally {
      setBusy(false);
    }
  }
  return { send, message, busy };
}

export function ApiMessage({ message }: { message: { text: string; error: boolean } | null }) {
  if (!message) return null;
  return (
    <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
      {message.text}
    </p>
  );
}
