"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

type Notice = { id: number; kind: "info" | "error"; text: string };
const NoticeContext = createContext<(kind: Notice["kind"], text: string) => void>(() => {});

export const useNotify = () => useContext(NoticeContext);

/** Messages about what just happened (a refusal, a conflict), read out by screen readers. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(0);
  const notify = useCallback((kind: Notice["kind"], text: string) => {
    const id = next.current++;
    setNotices((list) => [...list.slice(-3), { id, kind, text }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), kind === "error" ? 9000 : 4000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 left-1/2 z-50 flex w-full max-w-lg -translate-x-1/2 flex-col gap-2 px-4">
        {notices.map((n) => (
          <p key={n.id} role={n.kind === "error" ? "alert" : "status"} data-testid={`notice-${n.kind}`}
            className={`pointer-events-auto rounded-md px-4 py-2 text-sm shadow-lg ${n.kind === "error" ? "bg-red-800 text-white" : "bg-stone-800 text-white"}`}>
            {n.text}
          </p>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
