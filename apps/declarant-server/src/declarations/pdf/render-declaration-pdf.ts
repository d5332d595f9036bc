// The PDF of a declaration (pdfkit, README.md): one page per form (more when it overflows), a
// header with the firm and the dossier on every page, each form as its layout says (printed
// rows and columns for 2065 and 2033-A…G, a table of labelled cells else), "MODE TEST"
// watermarked. Pure: everything it prints comes in `DeclarationPdfInput`.
import PDFDocument from 'pdfkit';
import type { CellDefinition, FormLayout, FormOccurrence, LayoutSection } from '@passerelle/tdfc';
import { pdfEntry } from './pdf-values';

/** At most this many pages: a declaration bigger than that is cut, and the PDF says so. */
export const MAX_PDF_PAGES = 80;

/** One form occurrence to print. */
export interface PdfForm {
  title: string;
  layout: FormLayout;
  cells: ReadonlyMap<string, CellDefinition>;
  values: FormOccurrence;
  /** The label of a coded value (value tables), when known. */
  valueLabel?: (code: string, value: string) => string | undefined;
}

/** What the PDF prints. */
export interface DeclarationPdfInput {
  firm: { name: string; siret: string | null; testMode: boolean };
  dossier: { name: string; siren: string };
  exercise: { start: string; end: string };
  millesime: string;
  status: string;
  forms: readonly PdfForm[];
  createdAt: Date;
}

const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 14;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** Renders the PDF; resolves to its bytes. */
export function renderDeclarationPdf(input: DeclarationPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margin: PAGE.margin,
    info: {
      Title: `Déclaration ${input.dossier.name} – exercice clos le ${frenchDate(input.exercise.end)}`,
      Author: input.firm.name,
      Creator: 'Passerelle',
      CreationDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new PdfWriter(doc, input).write();
  doc.end();
  return done;
}

class PdfWriter {
  private y = 0;
  private pages = 0;
  private full = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: DeclarationPdfInput,
  ) {}

  write(): void {
    for (const form of this.input.forms) {
      if (!this.newPage(form.title)) break;
      for (const section of form.layout.sections) {
        if (!this.section(form, section)) break;
      }
      if (this.full) break;
    }
    if (this.pages === 0) this.newPage('Aucun formulaire');
  }

  /** A new page with its header; false once the page limit is reached (the last page says so). */
  private newPage(title: string): boolean {
    if (this.pages >= MAX_PDF_PAGES) {
      if (!this.full) {
        this.full = true;
        this.doc
          .font(FONT.bold)
          .fontSize(9)
          .fillColor('#a00000')
          .text(
            `PDF limité à ${MAX_PDF_PAGES} pages : la suite de la déclaration n’est pas imprimée.`,
            PAGE.margin,
            BOTTOM,
            { width: CONTENT_WIDTH, lineBreak: false },
          );
      }
      return false;
    }
    this.pages++;
    this.doc.addPage();
    if (this.input.firm.testMode) this.watermark();
    this.header(title);
    return true;
  }

  private watermark(): void {
    const doc = this.doc;
    doc.save();
    doc.rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] });
    doc
      .font(FONT.bold)
      .fontSize(96)
      .fillColor('#cc0000')
      .fillOpacity(0.12)
      .text('MODE TEST', 0, PAGE.height / 2 - 48, {
        width: PAGE.width,
        align: 'center',
        lineBreak: false,
      });
    doc.restore();
    doc.fillOpacity(1).fillColor('black');
  }

  private header(title: string): void {
    const { firm, dossier, exercise, millesime, status } = this.input;
    const doc = this.doc;
    const x = PAGE.margin;
    let y = PAGE.margin;
    const line = (text: string, bold = false, size = 9) => {
      doc
        .font(bold ? FONT.bold : FONT.regular)
        .fontSize(size)
        .fillColor('black');
      doc.text(text, x, y, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
      y += size + 4;
    };
    line(`${firm.name}${firm.siret ? ` – SIRET ${firm.siret}` : ''}`);
    line(`Dossier ${dossier.name} – SIREN ${dossier.siren}`, true, 10);
    line(
      `Exercice du ${frenchDate(exercise.start)} au ${frenchDate(exercise.end)} – millésime ${millesime} – ${status}`,
    );
    if (firm.testMode) line('MODE TEST : déclaration d’essai, non transmise à la DGFiP.', true);
    y += 4;
    doc
      .moveTo(x, y)
      .lineTo(x + CONTENT_WIDTH, y)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    y += 8;
    line(title, true, 12);
    doc.font(FONT.regular).fontSize(7).fillColor('#555555');
    doc.text(`Page ${this.pages}`, x, BOTTOM + 4, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    this.y = y + 4;
  }

  /** A section: heading, column titles, rows; false when the page limit stopped it. */
  private section(form: PdfForm, section: LayoutSection): boolean {
    const doc = this.doc;
    const table = form.layout.kind === 'table';
    const columnCount = Math.max(1, section.columns.length);
    const size = columnCount > 5 ? 6.5 : 7.5;
    const columnWidth = Math.min(100, (CONTENT_WIDTH - 130) / columnCount);
    const labelWidth = CONTENT_WIDTH - columnWidth * columnCount - 6;
    const columnX = (index: number) => PAGE.margin + labelWidth + 6 + index * columnWidth;

    const headingHeight = (section.title === '' ? 0 : 13) + (section.columns.length > 0 ? 18 : 0);
    if (this.y + headingHeight + 14 > BOTTOM && !this.newPage(`${form.title} (suite)`))
      return false;
    if (section.title !== '') {
      doc.font(FONT.bold).fontSize(10).fillColor('black');
      doc.text(section.title, PAGE.margin, this.y, { width: CONTENT_WIDTH, lineBreak: false });
      this.y += 13;
    }
    if (section.columns.length > 0) {
      doc
        .font(FONT.bold)
        .fontSize(size - 0.5)
        .fillColor('#333333');
      section.columns.forEach((column, index) => {
        doc.text(column, columnX(index), this.y, {
          width: columnWidth - 4,
          align: 'right',
          height: 18,
        });
      });
      this.y += 18;
    }
    for (const row of section.rows) {
      const label = table ? `${row.cells[0] ?? ''}  ${row.label}` : row.label;
      const texts = row.cells.map((code) => {
        const cell = code === null ? undefined : form.cells.get(code);
        if (code === null || cell === undefined) return '';
        return pdfEntry(form.values[code], cell, (value) => form.valueLabel?.(code, value));
      });
      doc.font(row.total ? FONT.bold : FONT.regular).fontSize(size);
      const height = Math.max(
        doc.heightOfString(label, { width: labelWidth }),
        ...texts.map((text) =>
          text === '' ? 0 : doc.heightOfString(text, { width: columnWidth - 4 }),
        ),
      );
      if (this.y + height > BOTTOM && !this.newPage(`${form.title} (suite)`)) return false;
      doc
        .font(row.total ? FONT.bold : FONT.regular)
        .fontSize(size)
        .fillColor('black');
      doc.text(label, PAGE.margin, this.y, { width: labelWidth });
      texts.forEach((text, index) => {
        if (text !== '')
          doc.text(text, columnX(index), this.y, { width: columnWidth - 4, align: 'right' });
      });
      this.y += height + 2;
      doc
        .moveTo(PAGE.margin, this.y - 1)
        .lineTo(PAGE.margin + CONTENT_WIDTH, this.y - 1)
        .lineWidth(0.2)
        .strokeColor('#cccccc')
        .stroke();
    }
    this.y += 5;
    return true;
  }
}
