// Fixes for Material's markup that accessibility checkers flag.
// - The search dialog has no accessible name.
// - A table wider than the page scrolls inside its wrapper, which the keyboard can only reach through a link
//   or other focusable element in the table; a table without one gets its wrapper made focusable.
// - Each code block's copy-button bar is an unnamed <nav> landmark, so a page with several code blocks has
//   several indistinguishable landmarks. Each bar is named after its code block's place on the page.
// All of it runs once Material has set up the page, which puts tables in their scroll containers.
(() => {
  const fix = () => {
    document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
    const blocks = [...document.querySelectorAll("article pre")];
    const tables = [...document.querySelectorAll("article .md-typeset__scrollwrap")]
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth && !wrap.querySelector("a[href], [tabindex]"));
    tables.forEach((wrap) => { wrap.tabIndex = 0; });
    blocks.forEach((block, index) => block.querySelector(":scope > nav.md-code__nav")
      ?.setAttribute("aria-label", `Code block ${index + 1}`));
  };
  if (window.document$) window.document$.subscribe(fix);
  else document.addEventListener("DOMContentLoaded", fix);
})();
