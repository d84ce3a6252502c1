/**
 * Loads Pagefind's default UI on /search/ only. Its files live in <base>pagefind/ (written after the Astro build
 * by scripts/build.mjs), so they are fetched here rather than linked from the HTML. ?q= fills the box.
 */
interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  showSubResults: boolean;
  showImages: boolean;
  autofocus: boolean;
  translations: Record<string, string>;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

const box = document.querySelector<HTMLElement>('#search[data-bundle]');
if (box) {
  const bundle = box.dataset.bundle!;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${bundle}pagefind-ui.css`;
  document.head.append(css);
  const js = document.createElement('script');
  js.src = `${bundle}pagefind-ui.js`;
  js.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    const ui = new window.PagefindUI({
      element: '#search',
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      autofocus: true,
      translations: { placeholder: '输入要搜索的词，如：物流', zero_results: '没有找到与“[SEARCH_TERM]”相关的内容' },
    });
    // Pagefind names its box with a title only; axe (label-title-only) wants a visible label tied to the input.
    const input = box.querySelector<HTMLInputElement>('input');
    if (input) {
      input.id = 'search-input';
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.className = 'search-label';
      label.textContent = '搜索报道与数据';
      box.prepend(label);
    }
    // Pagefind names its box only by a title attribute; the page's visible heading names it properly.
    box.querySelector('input')?.setAttribute('aria-labelledby', 'search-heading');
    const q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  });
  js.addEventListener('error', () => {
    box.textContent = '搜索索引尚未生成（请用 npm run build 构建网站）。';
  });
  document.head.append(js);
}
export {};
