// The oEmbed snippet's script, run in the page that embeds edgewire cards: sets each card's iframe
// to the height its card reports. It trusts a message only from the window of an iframe whose src
// is a card on the origin this script came from. A card is sandboxed without allow-same-origin,
// so its messages carry the opaque origin, "null"; an unsandboxed card carries ours.
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  const origin = new URL(script.src).origin;
  const isCard = (frame) => frame.src.startsWith(`${origin}/articles/`) && frame.src.endsWith('/embed');
  const cards = () => [...document.getElementsByTagName('iframe')].filter(isCard);
  addEventListener('message', (event) => {
    if (event.origin !== 'null' && event.origin !== origin) return;
    const height = event.data?.type === 'edgewire:embed-height' ? event.data.height : NaN;
    if (!Number.isInteger(height) || height < 1) return;
    for (const frame of cards()) {
      if (frame.contentWindow !== event.source) continue;
      const most = Number(frame.dataset.maxHeight) || 10000;
      frame.style.height = `${Math.min(height, most)}px`;
    }
  });
  for (const frame of cards()) frame.contentWindow?.postMessage({ type: 'edgewire:embed-height?' }, '*');
})();
