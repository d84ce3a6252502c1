/**
 * The page's one theme script, inlined at the top of <head> by src/layouts/Base.astro. Before first paint it applies
 * the stored choice (localStorage "theme"), so a stored theme never flashes the other one; once the page is parsed it
 * wires the theme button (src/components/ThemeToggle.astro, hidden until then): a click flips data-theme on <html>
 * between light and dark and stores it, and the button names the theme it switches to. One inline script rather than
 * this plus a bundled module: one hash in the Content-Security-Policy, and fewer bytes. Its names live in a block, not
 * on window. It is a constant, so its hash is computed once and is the same on every page and every build.
 */
import { createHash } from 'node:crypto';

export const themeScript =
  '{let d=document.documentElement,m=matchMedia("(prefers-color-scheme:dark)"),t;' +
  'try{t=localStorage.theme}catch(e){}if(t=="light"||t=="dark")d.dataset.theme=t;' +
  'addEventListener("DOMContentLoaded",()=>{let b=document.querySelector("[data-theme-toggle]"),' +
  'c=()=>d.dataset.theme||(m.matches?"dark":"light"),' +
  's=()=>{let w=c()=="dark"?"浅色":"深色";b.setAttribute("aria-label","切换到"+w+"主题");b.querySelector("span").textContent=w};' +
  'if(b){b.onclick=()=>{d.dataset.theme=c()=="dark"?"light":"dark";try{localStorage.theme=d.dataset.theme}catch(e){}s()};' +
  'm.onchange=s;s();b.hidden=0}})}';

/** The script's hash for the Content-Security-Policy's script-src. */
export const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;
