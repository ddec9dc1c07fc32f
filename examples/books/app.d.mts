// Types of app.mjs, for TypeScript users and the example's test.
import type { Express } from 'express';

/** The little of a database client the app uses: PGlite and pg's Pool both fit. */
export interface Database {
  /** What the database is, for logs (never a password). */
  description: string;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string (default: `DATABASE_URL`); needs the `pg` package. */
  url?: string;
  /** A PGlite data folder; `'memory://'` for a fresh in-memory database. Wins over `url`. */
  dataDir?: string;
}

/** A book as the API shows it. */
export interface Book {
  id: number;
  title: string;
  author: string | null;
  /** The uploaded file, for books that came from S3. */
  file: { bucket: string; key: string; size: number; uploadedAt: string } | null;
  createdAt: string;
}

export function openDatabase(options?: OpenDatabaseOptions): Promise<Database>;

export function createApp(options: { db: Database; log?: (line: string) => void }): Express;
