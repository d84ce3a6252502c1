/**
 * The page's one theme script, inlined at the top of <head> by src/layouts/Base.astro. Before first paint it applies
 * the stored choice (localStorage "theme"), so a stored theme never flashes the other one; once the page is parsed it
 * wires the theme button (src/components/ThemeToggle.astro, hidden until then): a click flips data-theme on <html>
 * between light and dark and stores it, and the button names the theme it switches to. One inline script rather than
 * this plus a bundled module: one hash in the Content-Security-Policy, and fewer bytes. It is a constant, so its hash
 * is the same on every page and every build.
 */
export const themeScript =
  'var d=document.documentElement,m=matchMedia("(prefers-color-scheme: dark)");' +
  'try{var t=localStorage.theme;if(t=="light"||t=="dark")d.dataset.theme=t}catch(e){}' +
  'function c(){return d.dataset.theme||(m.matches?"dark":"light")}' +
  'addEventListener("DOMContentLoaded",function(){document.querySelectorAll("[data-theme-toggle]").forEach(function(b){' +
  'var x=b.querySelector("[data-theme-toggle-text]");' +
  'function s(){var w=c()=="dark"?"浅色":"深色";b.setAttribute("aria-label","切换到"+w+"主题");if(x)x.textContent=w}' +
  'b.onclick=function(){d.dataset.theme=c()=="dark"?"light":"dark";try{localStorage.theme=d.dataset.theme}catch(e){}s()};' +
  'm.addEventListener("change",s);s();b.hidden=false})})';
