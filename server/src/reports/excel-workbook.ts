import type ExcelJS from 'exceljs';

/**
 * A new, empty Excel workbook. exceljs is imported on the first export rather than at start: loading it costs
 * over a second and tens of megabytes, paid by every restart (screens dark meanwhile) though few days export.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Lượt';
  return book;
}
