// Dataset versions (issue 18): every upload of a dataset's file is a version,
// numbered 1, 2, … per dataset. The dataset's own row describes its latest
// version (file_path, file_size, sha256, original_filename, file_format,
// row_count, column_count, columns), so whatever reads a dataset reads its
// newest file; analyses keep the version they analysed.
import type { Db } from '../db/client.js';
import { type TransactionClient, unitOfWork } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { DatasetFormat, DatasetVersion, Prisma } from '../generated/prisma/client.js';

/** What an upload stored and found: a version's file, which its dataset repeats while it is the latest. */
export type VersionFile = {
  filePath: string;
  fileSize: number;
  sha256: string;
  originalFilename: string;
  fileFormat: DatasetFormat;
  rowCount: number;
  columnCount: number;
  /** [{ position, name, originalName }], as datasets.columns. */
  columns: Prisma.InputJsonValue;
};

/** A new dataset, with its file as version 1. */
export function createDataset(db: Db, input: { name: string; workspaceId: number; uploadedBy: number; file: VersionFile }) {
  const { file, uploadedBy } = input;
  return db.dataset.create({
    data: {
      name: input.name,
      workspaceId: input.workspaceId,
      uploadedBy,
      ...file,
      versions: { create: { version: 1, uploadedBy, ...file } },
    },
  });
}

/**
 * The dataset's next version, numbered after its latest with the dataset's row
 * locked (two uploads at once get 2 and 3, never 2 twice), and made the
 * dataset's current file in the same transaction.
 */
export function addVersion(db: Db, datasetId: number, uploadedBy: number, file: VersionFile): Promise<DatasetVersion> {
  return unitOfWork(db, async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "datasets" WHERE "id" = ${datasetId} FOR UPDATE`;
    if (!locked.length) throw new AppError('NOT_FOUND', 'Dataset not found');
    const latest = await adoptCurrentFile(tx, datasetId);
    const version = await tx.datasetVersion.create({ data: { datasetId, version: latest + 1, uploadedBy, ...file } });
    await tx.dataset.update({ where: { id: datasetId }, data: file });
    return version;
  });
}

/**
 * Before the dataset's file changes: a dataset recorded without versions
 * (written directly, as the seed's own inserts are) gets its current file as
 * version 1, as the migration gave every dataset, and analyses recorded without
 * a version get the version whose file they read, the current one. Returns the
 * latest version's number.
 */
async function adoptCurrentFile(tx: TransactionClient, datasetId: number): Promise<number> {
  await tx.$executeRaw`
    INSERT INTO "dataset_versions" ("dataset_id", "version", "file_path", "file_size", "sha256", "original_filename", "file_format",
                                    "row_count", "column_count", "columns", "uploaded_by", "uploaded_at")
    SELECT d."id", 1, d."file_path", d."file_size", d."sha256", d."original_filename", d."file_format",
           d."row_count", d."column_count", d."columns", d."uploaded_by", d."uploaded_at"
      FROM "datasets" d
     WHERE d."id" = ${datasetId} AND NOT EXISTS (SELECT 1 FROM "dataset_versions" v WHERE v."dataset_id" = d."id")`;
  const latest = await tx.datasetVersion.findFirstOrThrow({
    where: { datasetId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true },
  });
  await tx.analysis.updateMany({ where: { datasetId, datasetVersionId: null }, data: { datasetVersionId: latest.id } });
  return latest.version;
}

/** The version an analysis started now reads: the given one (which must be the dataset's) or the latest; null when the dataset has none. */
export async function versionToAnalyse(
  db: Db,
  datasetId: number,
  versionId: number | null,
): Promise<Pick<DatasetVersion, 'id' | 'columns'> | null> {
  if (versionId === null) {
    return db.datasetVersion.findFirst({ where: { datasetId }, orderBy: { version: 'desc' }, select: { id: true, columns: true } });
  }
  const chosen = await db.datasetVersion.findFirst({ where: { id: versionId, datasetId }, select: { id: true, columns: true } });
  if (!chosen) {
    throw new AppError('VALIDATION_FAILED', 'The dataset has no such version', [
      { path: ['options', 'datasetVersionId'], message: 'must be a version of this dataset' },
    ]);
  }
  return chosen;
}
