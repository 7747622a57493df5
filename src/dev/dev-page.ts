import { measureSlideFit } from '../export/browser/slide-fit.js';

/**
 * The dev server's page: slides stacked like Marp's preview, kept up to date over
 * server-sent events without a reload, with validation errors shown over the slides.
 */
export function devPage(title: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title.replace(/[<&]/g, '')} · lectern dev</title>
<style id="lectern-dev-ui">
  html, body { margin: 0; background: #e9edf2; font-family: system-ui, sans-serif; }
  #deck div.marpit > svg[data-marpit-svg] { display: block; width: min(96vw, 1100px); height: auto; margin: 24px auto; box-shadow: 0 4px 18px rgba(0,0,0,.18); background: #fff; }
  #problems { position: fixed; left: 0; right: 0; top: 0; max-height: 60vh; overflow: auto; margin: 0; padding: 16px 24px; background: #fff4f4; color: #8a1111; border-bottom: 3px solid #c62828; white-space: pre-wrap; font: 14px/1.5 ui-monospace, monospace; z-index: 10; }
  #problems:empty { display: none; }
  #deck div.marpit > svg.lectern-misfit { outline: 6px solid #d32f2f; outline-offset: 4px; }
  #status { position: fixed; right: 12px; bottom: 10px; font-size: 12px; color: #56606e; }
</style>
<style id="lectern-deck-css"></style>
</head><body>
<pre id="problems"></pre>
<main id="deck"></main>
<div id="status">connecting…</div>
<script>
  const deck = document.getElementById('deck');
  const css = document.getElementById('lectern-deck-css');
  const problems = document.getElementById('problems');
  const status = document.getElementById('status');
  let shown = -1;
  let last = { css: null, slides: [] };
  // A save changes a slide or two: the others keep their elements, so the browser lays out
  // only the new ones, and the stylesheet is set only when it changed (setting it restyles all).
  function show(state) {
    if (state.css !== last.css) css.textContent = state.css;
    const svgs = deck.querySelectorAll('div.marpit > svg[data-marpit-svg]');
    if (state.css !== last.css || svgs.length !== state.slides.length || svgs.length !== last.slides.length) {
      deck.innerHTML = state.html;
    } else {
      state.slides.forEach((svg, i) => {
        if (svg === last.slides[i]) return;
        const t = document.createElement('template');
        t.innerHTML = svg;
        svgs[i].replaceWith(t.content);
      });
    }
    last = { css: state.css, slides: state.slides };
  }
  async function refresh() {
    const state = await (await fetch('/__lectern/state', { cache: 'no-store' })).json();
    if (state.version === shown) return;
    shown = state.version;
    problems.textContent = state.problems.join('\\n');
    if (state.html !== null) show(state);
    document.body.dataset.version = String(state.version);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
    if (state.html !== null && state.problems.length === 0) await checkFit(state.version);
  }
  // The same measurement as check and build, in this page: misfit slides get a red outline,
  // and the server says which in the terminal.
  const measureSlideFit = ${measureSlideFit.toString()};
  async function checkFit(version) {
    await document.fonts.ready;
    const fits = await measureSlideFit();
    const res = await fetch('/__lectern/fit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, fits }) });
    if (!res.ok || version !== shown) return;
    const { slides, problems: found } = await res.json();
    const svgs = deck.querySelectorAll('div.marpit > svg[data-marpit-svg]');
    svgs.forEach((svg, i) => svg.classList.toggle('lectern-misfit', slides.includes(i + 1)));
    problems.textContent = found.join('\\n');
    document.body.dataset.fitVersion = String(version);
  }
  const events = new EventSource('/__lectern/events');
  events.onmessage = () => refresh();
  events.onerror = () => { status.textContent = 'disconnected: is lectern dev still running?'; };
  refresh();
</script>
</body></html>`;
}
