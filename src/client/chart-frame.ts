// <chart-frame>: progressive enhancement for a build-time SVG chart. Without JS the SVG is a static image with
// its values printed; with JS each mark (.mark[data-tip]) becomes focusable with a tooltip, and view buttons
// (for figures that carry more than one .chart-view) switch between, e.g., numbers and shares.
class ChartFrame extends HTMLElement {
  connectedCallback() {
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    this.append(tip);
    let active: Element | null = null;

    const hide = () => {
      active?.classList.remove('on');
      this.classList.remove('has-on');
      active = null;
      tip.hidden = true;
    };
    const show = (mark: Element) => {
      if (active === mark) return;
      hide();
      active = mark;
      mark.classList.add('on');
      this.classList.add('has-on');
      tip.textContent = mark.getAttribute('data-tip');
      tip.hidden = false;
      const box = mark.getBoundingClientRect();
      const frame = this.getBoundingClientRect();
      const left = Math.min(Math.max(box.left + box.width / 2 - frame.left, 0), frame.width);
      tip.style.left = `${left}px`;
      tip.style.top = `${box.top - frame.top}px`;
      tip.classList.toggle('flip', left > frame.width / 2);
    };
    const markOf = (e: Event) => (e.target as Element).closest?.('.mark[data-tip]');

    for (const svg of this.querySelectorAll('svg')) {
      // An interactive chart is a group of named marks; role="img" would hide them from assistive technology.
      svg.setAttribute('role', 'group');
      for (const mark of svg.querySelectorAll('.mark[data-tip]')) {
        mark.setAttribute('tabindex', '0');
        mark.setAttribute('role', 'img');
        mark.setAttribute('aria-label', mark.getAttribute('data-tip')!);
        // The whole box of a mark (label, bar, value) answers the pointer, not only its painted pixels. Set here, not
        // in CSS: the Nu checker's CSS validator rejects the SVG 2 value bounding-box.
        (mark as SVGElement).style.pointerEvents = 'bounding-box';
      }
    }
    this.addEventListener('pointerover', (e) => {
      const mark = markOf(e);
      if (mark) show(mark);
    });
    this.addEventListener('pointerleave', hide);
    this.addEventListener('focusin', (e) => {
      const mark = markOf(e);
      if (mark) show(mark);
    });
    this.addEventListener('focusout', hide);
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hide();
    });

    const views = [...this.querySelectorAll<HTMLElement>('.chart-view')];
    if (views.length < 2) return;
    const bar = document.createElement('div');
    bar.className = 'chart-views';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', '切换显示方式');
    views.forEach((view, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = view.dataset.view!;
      button.setAttribute('aria-pressed', String(i === 0));
      button.addEventListener('click', () => {
        hide();
        views.forEach((v, j) => (v.hidden = j !== i));
        bar.querySelectorAll('button').forEach((b, j) => b.setAttribute('aria-pressed', String(j === i)));
      });
      bar.append(button);
    });
    this.prepend(bar);
  }
}
customElements.define('chart-frame', ChartFrame);
