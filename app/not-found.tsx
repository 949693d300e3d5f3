import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-stone-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/projects" className="mt-6 inline-block text-teal-800 underline">
        Back to your projects
      </Link>
    </main>
  );
}
