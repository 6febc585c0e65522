import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: "Inkset",
  description: "Curate, rebalance, train and evaluate handwritten math-symbol recognisers",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            Inkset
          </Link>
          <nav aria-label="Main">
            <Link href="/">Overview</Link>
            <Link href="/import">Import</Link>
            <Link href="/samples">Samples</Link>
            <Link href="/classes">Classes</Link>
            <Link href="/balance">Balance</Link>
            <Link href="/draw">Draw</Link>
            <Link href="/expressions">Expressions</Link>
            <Link href="/augment">Augment</Link>
            <Link href="/train">Train</Link>
            <Link href="/models">Models</Link>
            <Link href="/solve">Solve</Link>
            <Link href="/jobs">Jobs</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
