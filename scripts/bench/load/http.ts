import fs from "node:fs";
import path from "node:path";
import { parseActionResult } from "./flight";

/**
 * A signed-in user as the bench drives one: the cookies next-auth set, and server actions
 * posted exactly as the browser's router posts them.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(pathname: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(pathname, this.base), { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  hasSessionCookie(): boolean {
    return [...this.cookies.keys()].some((name) => name.includes("next-auth.session-token"));
  }
}

/**
 * next-auth's credentials sign-in over HTTP, as its signIn() helper does: a CSRF token from
 * /api/auth/csrf (its cookie comes along), then the form posted to the callback. Success is a
 * session cookie; a refusal comes back as ?error= in the URL next-auth answers with.
 */
export async function signIn(base: string, email: string, password: string): Promise<{ session: HttpSession } | { refused: string }> {
  const session = new HttpSession(base);
  const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/projects`, json: "true" }),
  });
  const body = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as { url?: string }) : {};
  const answered = body.url ?? response.headers.get("location") ?? "";
  const error = new URL(answered || "/", base).searchParams.get("error");
  if (error || !session.hasSessionCookie()) return { refused: error ?? `HTTP ${response.status} without a session cookie` };
  return { session };
}

export type ActionRef = { id: string; route: string };

/**
 * Server action ids of this build: <distDir>/server/server-reference-manifest.json maps each
 * id to its module and export name, and to the pages ("workers") whose bundle holds it.
 */
export function findActions(distDir: string, wanted: { filename: string; exportedName: string }[]): ActionRef[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return wanted.map(({ filename, exportedName }) => {
    const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
    if (!found) throw new Error(`${exportedName} (${filename}) is not in the build's server-reference-manifest.json`);
    const route = Object.keys(found[1].workers).find((worker) => worker.startsWith("app/") && worker.endsWith("/page"));
    if (!route) throw new Error(`${exportedName} is not bundled with any page`);
    return { id: found[0], route: route.slice("app".length, -"/page".length) };
  });
}

/** The route of a page with its [params] filled in. */
export const fillRoute = (route: string, params: Record<string, string>) => route.replace(/\[(\w+)\]/g, (_, name: string) => params[name]);

export type ActionOutcome =
  | { kind: "answer"; value: unknown; ms: number }
  | { kind: "transport"; reason: string; ms: number };

/**
 * Calls a server action as the Next router does: POST to a page that bundles it, with
 * Next-Action naming it, the arguments as a JSON array, Accept text/x-component, and Origin
 * of this server (cross-site writes are refused at the front door and by Next).
 */
export async function callAction(session: HttpSession, action: ActionRef, pagePath: string, args: unknown[]): Promise<ActionOutcome> {
  const t0 = performance.now();
  try {
    const response = await session.fetch(pagePath, {
      method: "POST",
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: session.base },
      body: JSON.stringify(args),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - t0;
    if (response.status !== 200) return { kind: "transport", reason: `HTTP ${response.status}`, ms };
    return { kind: "answer", value: parseActionResult(bytes), ms };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: "transport", reason, ms: performance.now() - t0 };
  }
}
