/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return "/projects";
  try {
    const url = new URL(value, "http://grounded.invalid");
    if (url.origin !== "http://grounded.invalid" && !isSameOrigin(value)) return "/projects";
    const path = url.pathname + url.search + url.hash;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/projects";
  } catch {
    return "/projects";
  }
}

function isSameOrigin(value: string): boolean {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return false;
  try {
    return new URL(value).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
