import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Grounded", template: "%s · Grounded" },
  description: "Qualitative interview analysis in which every finding traces back to its quotes.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request so that Next can put this request's CSP nonce
  // (set by proxy.ts) on its scripts; a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">{children}</body>
    </html>
  );
}
