import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs, so the bundle carries no line, pie or time-scale code.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  data: readonly (number | null)[];
  color: string;
}

export interface BarSpec {
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Intl locale for the axis numbers: 'vi-VN' writes 12,5. */
  locale: string;
  /** Counts of people: no 2,5 on the axis. */
  whole: boolean;
}

const screenFontPx = 14;
const printFontPx = 11;
/** A4's 186 mm between 12 mm margins, by 58 mm: the chart boxes in reports.css. */
const mm = 96 / 25.4;
const printBox = { width: Math.floor(186 * mm), height: Math.floor(58 * mm) };

interface BarChartProps {
  title: string;
  spec: BarSpec;
  testId: string;
}

/**
 * A chart.js bar chart on a canvas. Drawn once, without animation: a supervisor reads figures, and a print
 * or a screenshot taken right away must show the finished bars. Redrawn at the paper's size when printed.
 */
export function BarChart({ title, spec, testId }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // One font object shared by every part of the chart, so printing can make it smaller in one place.
    const font = { family: getComputedStyle(element).fontFamily, size: screenFontPx };
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels: [...spec.labels],
        datasets: spec.series.map((s) => ({ label: s.label, data: [...s.data], backgroundColor: s.color, borderColor: s.color, maxBarThickness: 48 })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        // Sharp on paper as well as on screen.
        devicePixelRatio: Math.max(window.devicePixelRatio, 2),
        locale: spec.locale,
        color: '#0b1220',
        font,
        plugins: {
          legend: { position: 'bottom', labels: { font, boxWidth: 18 } },
          tooltip: { titleFont: font, bodyFont: font },
        },
        scales: {
          x: { ticks: { font, color: '#0b1220', autoSkip: true, maxRotation: 50 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { font, color: '#3f4a5a', precision: spec.whole ? 0 : 1 }, grid: { color: '#dde3df' } },
        },
      },
    });

    // chart.js does not follow print styles by itself, and when `beforeprint` fires the print layout is not
    // applied yet: draw at the printed box's size (reports.css) and smaller type, then back after printing.
    const print = window.matchMedia('print');
    const fit = (printing: boolean) => {
      font.size = printing ? printFontPx : screenFontPx;
      // The axes keep a resolved copy of their font: hand them the new one.
      for (const axis of [chart.options.scales?.x, chart.options.scales?.y]) if (axis?.ticks) axis.ticks.font = { ...font };
      if (printing) chart.resize(printBox.width, printBox.height);
      else chart.resize();
      chart.update('none');
    };
    const toPaper = () => fit(true);
    const toScreen = () => fit(false);
    const onMedia = (e: MediaQueryListEvent) => fit(e.matches);
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    print.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
      print.removeEventListener('change', onMedia);
      chart.destroy();
    };
  }, [spec]);

  return (
    <figure className="report-chart">
      <figcaption className="report-chart__title">{title}</figcaption>
      <div className="report-chart__box">
        <canvas ref={canvas} role="img" aria-label={title} data-testid={testId}>
          {title}
        </canvas>
      </div>
    </figure>
  );
}
