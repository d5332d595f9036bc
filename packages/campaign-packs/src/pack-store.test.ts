import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@passerelle/server-kit';
import {
  createScratchDatabase,
  testDialects,
  type ScratchDatabase,
} from '@passerelle/server-kit/testing';
import { PackError } from '@passerelle/tdfc';
import { syntheticFuturePack, withManifest, builtInPackFiles } from '@passerelle/tdfc/testing';
import { createPackTables, type PackTables } from './db/pack-tables';
import { installPack } from './install-pack';
import { allPacks, pagePacks } from './pack-store.repository';
import { testRegistry } from './testing';

describe.each(await testDialects())('campaign pack store (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  let database: Database<PackTables>;
  let other: Database<PackTables> | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await database.close();
    await scratch.drop();
  });

  async function open() {
    scratch = await createScratchDatabase(dialect);
    database = openDatabase<PackTables>(scratch.target);
    await createPackTables(database.db as never, dialect);
  }

  const install = (files: Map<string, Uint8Array>, registry = testRegistry(database.db)) =>
    installPack(database.db, registry, { files, installedBy: 'admin', at: new Date(), dialect });

  it('installs a SYNTHETIC millésime 26 pack on one instance; another serves it without restart', async () => {
    await open();
    other = openDatabase<PackTables>(scratch.target);
    // Instance B checks the store only every hour, yet an unknown millésime makes it look.
    const a = testRegistry(database.db);
    const b = testRegistry(other.db, 3_600_000);
    expect((await b.current()).millesimes).toEqual(['25', '24', '23']);
    expect(await b.forMillesime('26')).toBeUndefined();

    const info = await install(syntheticFuturePack(), a);
    expect(info).toMatchObject({
      campaign: '2026',
      edition: 1,
      millesimes: ['26'],
      builtIn: false,
    });

    const served = await b.forMillesime('26');
    expect(served?.pack).toMatchObject({ campaign: '2026', edition: 1 });
    expect(served?.dictionary.form('26', '2033A')).toBeDefined();
    const now = await b.current();
    expect(now.millesimes).toEqual(['26', '25', '24', '23']);
    expect(now.forMillesime('25')?.pack).toMatchObject({ campaign: '2025', builtIn: true });
    expect(now.combined.cell('26', '2033A', 'FG')?.label).toBe("Résultat de l'exercice");

    const page = await pagePacks(database.db, { limit: 10 });
    expect(page.rows.map((r) => r.campaign)).toEqual(['2026']);
  });

  it('refuses a conflicting millésime unless it is a corrected edition, and stores nothing', async () => {
    await open();
    const registry = testRegistry(database.db);
    // Campaign 2025 again, edition 2, without the corrected-edition flag.
    const second = withManifest(builtInPackFiles(), (m) => ({ ...m, edition: 2 }));
    await expect(install(second, registry)).rejects.toThrow(
      /le millésime 25 est déjà servi par la campagne 2025 \(édition 1, livrée avec Passerelle\)/,
    );
    // Another campaign serving 25.
    const other2026 = withManifest(syntheticFuturePack(), (m) => ({
      ...m,
      millesimes: ['26', '25'],
    }));
    await expect(install(other2026, registry)).rejects.toThrow(PackError);
    expect(await allPacks(database.db)).toEqual([]);
    // The corrected edition replaces the built-in one for its millésimes.
    const corrected = withManifest(builtInPackFiles(), (m) => ({
      ...m,
      edition: 2,
      correction: true,
    }));
    await install(corrected, registry);
    expect((await registry.forMillesime('24'))?.pack).toMatchObject({
      campaign: '2025',
      edition: 2,
    });
    await expect(install(corrected, registry)).rejects.toThrow(/édition 2\) est déjà installée/);
  });

  it('installs one of four editions sent at once, refusing the others whole', async () => {
    await open();
    // PostgreSQL: four instances (connections). SQLite serves one instance, whose connection
    // runs one transaction at a time: the four installations come through it.
    const instances = [0, 1, 2, 3].map(() =>
      dialect === 'postgres' ? openDatabase<PackTables>(scratch.target) : database,
    );
    try {
      // Editions 1–4 of the synthetic campaign 2026, none a corrected edition: whichever is
      // stored first, each other is refused (same millésime, or an older edition).
      const results = await Promise.allSettled(
        instances.map((instance, i) =>
          installPack(instance.db, testRegistry(instance.db), {
            files: withManifest(syntheticFuturePack(), (m) => ({ ...m, edition: i + 1 })),
            installedBy: 'admin',
            at: new Date(),
            dialect,
          }),
        ),
      );
      const refused = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of refused) expect(r.reason).toBeInstanceOf(PackError);
      expect(await allPacks(database.db)).toHaveLength(1);
    } finally {
      if (dialect === 'postgres') await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});
