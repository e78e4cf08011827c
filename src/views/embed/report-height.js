// Runs in the embed card: tells the page that frames it how tall the card is, now, whenever that
// changes, and when the page's resizer asks (it may load after the card's first report).
(() => {
  const report = () => parent.postMessage({ type: 'edgewire:embed-height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener('message', (event) => {
    if (event.source === parent && event.data?.type === 'edgewire:embed-height?') report();
  });
})();
