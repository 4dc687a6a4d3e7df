/**
 * Starts loading the chart code (and the basemap) as a page opens, so that it
 * arrives while the page's data is being read instead of after it.
 */
export function preloadCharts(): void {
  void import('./echarts.js').catch(() => {
    // The chart itself reports the failure when it tries again.
  });
}

export function preloadBasemap(): void {
  void import('./basemap.js').then((m) => m.registerBasemap()).catch(() => {
    // Reported by the map when it tries again.
  });
}
