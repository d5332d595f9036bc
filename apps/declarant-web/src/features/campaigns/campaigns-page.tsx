// `/cabinet/campagnes` (administrators): "Campagnes", the DGFiP tables Passerelle knows. Which
// pack serves which exercises, the installed packs (paged), and the installation of a new pack
// from its archive (.zip or .tar.gz): all or nothing, a refusal names file, line and column.
import { useState } from 'react';
import type { CampaignPack, ServedMillesime } from '@passerelle/contracts';
import { installCampaign, listCampaigns } from '../../api/endpoints';
import { Notice } from '../../shared/alerts';
import { adminPageErrorText } from '../../shared/errors';
import { FileUploadCard } from '../../shared/file-upload-card';
import { formatDateTime } from '../../shared/format';
import { ListCount, ListFooter, ListState } from '../../shared/list-footer';
import { Page } from '../../shared/page';
import { Link } from 'react-router';
import { TableHead } from '../../shared/table-head';
import { usePagedList } from '../../shared/use-paged-list';

const NOUN = ['pack de campagne', 'packs de campagne'] as const;

/** "millésime 26 : exercices clos en 2025". */
export const servedText = (served: ServedMillesime): string =>
  `millésime ${served.millesime} : exercices clos en ${served.closingYear}`;

/** "Campagne 2026, édition 1 installée (millésime 26)." */
export const installedText = (pack: CampaignPack): string =>
  `Campagne ${pack.campaign}, édition ${pack.edition}, installée : millésime${pack.millesimes.length > 1 ? 's' : ''} ${pack.millesimes.join(', ')}.`;

/** The packs, which one serves each millésime, and the installation form. */
export function CampaignsPage() {
  const [served, setServed] = useState<ServedMillesime[] | null>(null);
  const [installed, setInstalled] = useState<CampaignPack | null>(null);
  const list = usePagedList(
    ['campaigns'],
    async (cursor, limit) => {
      const page = await listCampaigns({ cursor, limit });
      if (cursor === undefined) setServed(page.served);
      return page;
    },
    adminPageErrorText,
  );

  return (
    <Page title="Campagnes">
      <p>
        <Link to="/cabinet">Paramètres du cabinet</Link>
      </p>
      <p>
        Les tables de la DGFiP de chaque campagne (formulaires, cases, tables de valeurs, libellés)
        forment un pack. Installez le pack d’une nouvelle campagne dès sa publication : les
        déclarations de ses exercices peuvent alors être créées, sans mise à jour de Passerelle.
      </p>
      {served !== null && (
        <section className="card" aria-labelledby="millesimes-titre">
          <h2 id="millesimes-titre">Exercices couverts</h2>
          <ul>
            {served.map((item) => (
              <li key={item.millesime}>
                {servedText(item)} — campagne {item.campaign}, édition {item.edition}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ListState list={list}>
        {(packs) => (
          <>
            <ListCount total={list.total} noun={NOUN} />
            <PackTable packs={packs} />
            <ListFooter list={list} noun={NOUN} />
          </>
        )}
      </ListState>
      <InstallForm
        onInstalled={(pack) => {
          setInstalled(pack);
          list.refresh();
        }}
      />
      {installed !== null && <Notice>{installedText(installed)}</Notice>}
    </Page>
  );
}

function PackTable({ packs }: { packs: CampaignPack[] }) {
  return (
    <div className="table-wrapper">
      <table>
        <caption className="visually-hidden">Packs de campagne</caption>
        <TableHead columns={['Campagne', 'Édition', 'Millésimes', 'Installé', 'Source']} />
        <tbody>
          {packs.map((pack) => (
            <tr key={pack.id}>
              <td>{pack.campaign}</td>
              <td>
                {pack.edition}
                {pack.correction ? ' (corrigée)' : ''}
              </td>
              <td>{pack.millesimes.join(', ')}</td>
              <td>
                {pack.installedAt === null
                  ? 'Livré avec Passerelle'
                  : `${formatDateTime(pack.installedAt)}${pack.installedBy ? ` par ${pack.installedBy}` : ''}`}
              </td>
              <td>
                {pack.source}
                {pack.publishedAt ? ` (publié le ${pack.publishedAt})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Shown when "Installer" is pressed before an archive is chosen. */
export const noArchiveMessage = 'Choisissez l’archive du pack (.zip ou .tar.gz).';

function InstallForm({ onInstalled }: { onInstalled: (pack: CampaignPack) => void }) {
  return (
    <FileUploadCard
      id="installer"
      title="Installer un pack"
      label="Archive du pack"
      hint="Une archive .zip ou .tar.gz : manifest.json et les fichiers de la DGFiP. Le pack est vérifié en entier : il est installé, ou refusé sans rien installer."
      accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
      button="Installer"
      busyButton="Installation en cours…"
      noFileMessage={noArchiveMessage}
      send={installCampaign}
      onSent={onInstalled}
    />
  );
}
