import type { Download, Locator, Page } from 'playwright-core';

/** One row of the report table as the supervisor reads it: the group's label and each cell's text by column id. */
export interface ShownRow {
  key: string | null;
  label: string;
  cells: Record<string, string>;
}

/** The reports screen (`#/reports/<period or from..to>/<groupBy>`) inside a signed-in console. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId('reports');
  }

  /** Opens a report by its address, e.g. 'month/field', and waits for its figures. */
  async open(path: string): Promise<void> {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, `#/reports/${path}`);
    await this.loaded();
  }

  /** Waits until the figures on screen are those of the current selection (nothing loading). */
  async loaded(): Promise<void> {
    await this.page.locator('[data-testid="reports"][aria-busy="false"]').waitFor();
  }

  period(name: 'today' | 'week' | 'month' | 'year' | 'custom'): Locator {
    return this.page.getByTestId(`report-period-${name}`);
  }

  group(name: 'field' | 'counter' | 'officer' | 'hour' | 'day'): Locator {
    return this.page.getByTestId(`report-group-${name}`);
  }

  filters(): Locator {
    return this.page.getByTestId('report-filters');
  }

  /** Chooses dates (given as yyyy-mm-dd) in the custom range, typed as dd/mm/yyyy, and shows that report. */
  async chooseDays(from: string, to: string): Promise<void> {
    const typed = (iso: string) => iso.split('-').reverse().join('/');
    await this.period('custom').check();
    await this.page.getByTestId('report-from').fill(typed(from));
    await this.page.getByTestId('report-to').fill(typed(to));
    await this.page.getByTestId('report-show').click();
    await this.loaded();
  }

  range(): Promise<string> {
    return this.page.getByTestId('report-range').innerText();
  }

  head(): Locator {
    return this.page.getByTestId('report-head');
  }

  empty(): Locator {
    return this.page.getByTestId('report-empty');
  }

  problem(): Locator {
    return this.page.getByTestId('report-problem');
  }

  table(): Locator {
    return this.page.getByTestId('report-table');
  }

  /** Every group row, then the total, cell by cell. */
  async rows(): Promise<{ rows: ShownRow[]; total: ShownRow }> {
    return this.table().evaluate((table) => {
      const read = (tr: Element) => {
        const cells: Record<string, string> = {};
        for (const cell of tr.querySelectorAll('[data-col]')) cells[cell.getAttribute('data-col') ?? ''] = (cell.textContent ?? '').trim();
        const key = tr.getAttribute('data-key');
        return { key: key === 'none' ? null : key, label: cells.label ?? '', cells };
      };
      const total = table.querySelector('[data-testid="report-total"]');
      return { rows: [...table.querySelectorAll('[data-testid="report-row"]')].map(read), total: total ? read(total) : { key: null, label: '', cells: {} } };
    });
  }

  chart(name: 'counts' | 'wait'): Locator {
    return this.page.getByTestId(`report-chart-${name}`);
  }

  /** How many pixels of a chart's canvas hold any ink: 0 for a chart the library never drew. */
  chartInk(name: 'counts' | 'wait'): Promise<number> {
    return this.chart(name).evaluate((canvas) => {
      if (!(canvas instanceof HTMLCanvasElement)) return 0;
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) inked++;
      return inked;
    });
  }

  heatmapCells(): Locator {
    return this.page.locator('[data-testid="report-heatmap"] td[data-count]');
  }

  /** Clicks a download button and returns the browser's download, once the server's file has arrived. */
  async download(format: 'xlsx' | 'csv'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`report-download-${format}`).click()]);
    return download;
  }

  notice(): Locator {
    return this.page.getByTestId('report-notice');
  }

  printButton(): Locator {
    return this.page.getByTestId('report-print');
  }
}
