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
  // oEmbed's width and height are the frame's rendered size, which a border or padding would add
  // to. frameborder="0" drops the browsers' default border; a page's own stylesheet may still
  // give every iframe one. Inline style set through the CSSOM outranks it, and no CSP blocks it
  // (a style attribute in the markup would need the page's 'unsafe-inline').
  const fit = (frame) => {
    frame.style.border = '0';
    frame.style.padding = '0';
  };
  addEventListener('message', (event) => {
    if (event.origin !== 'null' && event.origin !== origin) return;
    const height = event.data?.type === 'edgewire:embed-height' ? event.data.height : NaN;
    if (!Number.isInteger(height) || height < 1) return;
    for (const frame of cards()) {
      if (frame.contentWindow !== event.source) continue;
      const most = Number(frame.dataset.maxHeight) || 10000;
      fit(frame);
      frame.style.height = `${Math.min(height, most)}px`;
    }
  });
  for (const frame of cards()) {
    fit(frame);
    frame.contentWindow?.postMessage({ type: 'edgewire:embed-height?' }, '*');
  }
})();
