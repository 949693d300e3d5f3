import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddressFrom } from "./client-address";
import { revokeSession, SESSION_MAX_AGE_S } from "./server-sessions";
import { signInWithPassword } from "./sign-in";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const headers = req?.headers as Record<string, unknown> | undefined;
        const userAgent = typeof headers?.["user-agent"] === "string" ? headers["user-agent"] : undefined;
        const result = await signInWithPassword(credentials, { address: clientAddressFrom(headers), userAgent });
        if (result.ok) return { ...result.user, sessionId: result.sessionId };
        // next-auth passes a thrown message to the login page as ?error=...
        if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // The session row's id rides in the token; lib/auth/session.ts checks it on every request.
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // POST /api/auth/signout: end the session on the server too, so a copy of the token dies with it.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
