/**
 * The form registry: every published version of every form, in MongoDB (`form_versions`).
 * Versions are immutable — there is no update path — so a case started from version n can
 * always be shown and re-validated against exactly that version. Version numbers are claimed by
 * inserting against the unique index {formId, version} (FerretDB's conditional updates and
 * $inc are not atomic under concurrency; inserts against a unique index are).
 */
import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { FormDefinition } from '../form-definition';
import { checkFormDefinition } from '../contracts';
import { contentOf, formIdProblems, FormRejected, type FormContent, type FormVersion, type VersionMeta } from './form-version';

// The definition is kept as a JSON string: JSON Schema keys ($schema, $ref, "a.b") are not
// all legal MongoDB field names, and a string keeps the content byte-for-byte as published.
const formVersionSchema = new Schema({
  formId: { type: String, required: true },
  version: { type: Number, required: true },
  content: { type: String, required: true },
  contentHash: { type: String, required: true },
  source: { type: String, required: true, enum: ['built-in', 'designer'] },
  publishedAt: { type: Date, required: true },
  publishedBy: { type: String, required: true },
  note: String,
  restoredFrom: Number,
}, { collection: 'form_versions', versionKey: false });
formVersionSchema.index({ formId: 1, version: 1 }, { unique: true });

interface StoredVersion { formId: string; version: number; content: string; contentHash: string; source: 'built-in' | 'designer'; publishedAt: Date; publishedBy: string; note?: string | null; restoredFrom?: number | null }

export interface PublishOptions { by: string; note?: string }
export interface SeedReport { formId: string; outcome: 'seeded' | 'unchanged' | 'changed-not-republished' }
export interface FormSummary { latest: FormVersion; versionCount: number }

const hashOf = (c: FormContent) => createHash('sha256').update(JSON.stringify(contentOf(c))).digest('hex');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function metaOf(doc: StoredVersion): VersionMeta {
  return {
    version: doc.version, publishedAt: new Date(doc.publishedAt).toISOString(), publishedBy: doc.publishedBy, source: doc.source,
    ...(doc.note ? { note: doc.note } : {}), ...(doc.restoredFrom ? { restoredFrom: doc.restoredFrom } : {}),
  };
}

export class FormRegistry {
  private readonly model: Model<StoredVersion>;
  // Versions never change, so each one is read and parsed once; the cached object is frozen and
  // its schema object stable, which keeps the compiled validator of (formId, version) cached too.
  private readonly cache = new Map<string, FormVersion>();
  private indexes?: Promise<unknown>;

  constructor(conn: Connection) {
    this.model = (conn.models.FormVersion ?? conn.model('FormVersion', formVersionSchema)) as Model<StoredVersion>;
  }

  /** The unique index is what makes version claims exact: create it before the first write. */
  ensureIndexes(): Promise<unknown> {
    return (this.indexes ??= this.model.createIndexes());
  }

  async get(formId: string, version: number): Promise<FormVersion | undefined> {
    const key = `${formId}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const doc = await this.model.findOne({ formId, version }).lean<StoredVersion>();
    if (!doc) return undefined;
    const form: FormVersion = deepFreeze({ id: formId, ...(JSON.parse(doc.content) as FormContent), ...metaOf(doc) });
    this.cache.set(key, form);
    return form;
  }

  /** The newest published version: what the portal serves. Read each time, as other replicas publish too. */
  async latest(formId: string): Promise<FormVersion | undefined> {
    const top = await this.model.findOne({ formId }, { version: 1 }).sort({ version: -1 }).lean<{ version: number }>();
    return top ? this.get(formId, top.version) : undefined;
  }

  /** The latest version of each form with its number of versions, ordered by form id. */
  async list(): Promise<FormSummary[]> {
    const rows = await this.model.find({}, { formId: 1, version: 1 }).lean<{ formId: string; version: number }[]>();
    const counts = new Map<string, { top: number; count: number }>();
    for (const r of rows) {
      const c = counts.get(r.formId) ?? { top: 0, count: 0 };
      counts.set(r.formId, { top: Math.max(c.top, r.version), count: c.count + 1 });
    }
    const ids = [...counts.keys()].sort();
    return Promise.all(ids.map(async (id) => ({ latest: (await this.get(id, counts.get(id)!.top))!, versionCount: counts.get(id)!.count })));
  }

  /** Metadata of every version of a form, newest first. */
  async versions(formId: string): Promise<VersionMeta[]> {
    const docs = await this.model.find({ formId }, { content: 0 }).sort({ version: -1 }).lean<StoredVersion[]>();
    return docs.map(metaOf);
  }

  /** Checks the draft (meta-schema, contract, texts; same procedure as before) and stores it as version n+1. */
  async publish(formId: string, draft: FormContent, options: PublishOptions & { restoredFrom?: number }): Promise<FormVersion> {
    const latest = await this.latest(formId);
    // The id rule binds new forms: a form published before it keeps its id and can still be changed.
    const problems = [...(latest ? [] : formIdProblems(formId)), ...checkFormDefinition(draft, latest)];
    if (problems.length > 0) throw new FormRejected(formId, problems);
    const content = contentOf(draft);
    const stored = { content: JSON.stringify(content), contentHash: hashOf(content), source: 'designer' as const, publishedBy: options.by,
      ...(options.note ? { note: options.note } : {}), ...(options.restoredFrom ? { restoredFrom: options.restoredFrom } : {}) };
    await this.ensureIndexes();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const top = await this.model.findOne({ formId }, { version: 1 }).sort({ version: -1 }).lean<{ version: number }>();
      const version = (top?.version ?? 0) + 1;
      try {
        await this.model.create({ formId, version, publishedAt: new Date(), ...stored });
        return (await this.get(formId, version))!;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        // Another publish took this number: read the top again.
      }
    }
    throw new Error(`could not claim a version of form ${formId}`);
  }

  /** Publishes an older version again, as the newest; it is checked against today's contract. */
  async restore(formId: string, version: number, options: PublishOptions): Promise<FormVersion | undefined> {
    const old = await this.get(formId, version);
    if (!old) return undefined;
    return this.publish(formId, contentOf(old), { ...options, note: options.note ?? `restored version ${version}`, restoredFrom: version });
  }

  /**
   * Makes each built-in file version 1 of its form when the form has no versions yet. A file
   * that differs from every stored version is reported, not republished: in a running city the
   * designers own what is published, and a silent republish would overwrite their work.
   */
  async seedBuiltIns(definitions: FormDefinition[]): Promise<SeedReport[]> {
    await this.ensureIndexes();
    const reports: SeedReport[] = [];
    for (const def of definitions) {
      const problems = checkFormDefinition(def);
      if (problems.length > 0) throw new FormRejected(def.id, problems);
      const content = contentOf(def);
      const contentHash = hashOf(content);
      try {
        await this.model.create({ formId: def.id, version: 1, content: JSON.stringify(content), contentHash, source: 'built-in', publishedAt: new Date(), publishedBy: 'built-in' });
        reports.push({ formId: def.id, outcome: 'seeded' });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        const known = await this.model.exists({ formId: def.id, contentHash });
        reports.push({ formId: def.id, outcome: known ? 'unchanged' : 'changed-not-republished' });
      }
    }
    return reports;
  }
}
