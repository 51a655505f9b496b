// Deep links to FAQ answers and comparison criteria (sections rendered as <section class="entry">):
// a "Copy link" button per entry, old ids (aliases) forwarded to the current one, and the target highlighted
// and scrolled below the sticky header, on first load, on in-page jumps, on back/forward and after
// Material's instant navigation swaps the page.
(() => {
  const COPIED_FOR_MS = 2500;

  const canonicalPage = () => {
    const link = document.querySelector('link[rel="canonical"]');
    return (link ? link.href : location.href).split("#")[0];
  };

  const headingOf = (section) => section.querySelector(":scope > h1, :scope > h2");

  const announce = (message) => {
    let region = document.getElementById("entry-announcer");
    if (!region) {
      region = Object.assign(document.createElement("div"), { id: "entry-announcer", className: "md-visually-hidden" });
      region.setAttribute("aria-live", "polite");
      document.body.append(region);
    }
    region.textContent = "";
    setTimeout(() => { region.textContent = message; }, 50);
  };

  const copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const field = Object.assign(document.createElement("textarea"), { value: text });
      document.body.append(field);
      field.select();
      document.execCommand("copy");
      field.remove();
    }
  };

  const addCopyButtons = () => {
    for (const section of document.querySelectorAll("section.entry[data-entry]")) {
      const heading = headingOf(section);
      if (!heading || section.querySelector(".entry__copy")) continue;
      const onOwnPage = heading.id !== section.dataset.entry;
      const url = onOwnPage ? canonicalPage() : `${canonicalPage()}#${section.dataset.entry}`;
      const title = heading.textContent.replace("¶", "").trim();
      const button = Object.assign(document.createElement("button"), {
        type: "button", className: "entry__copy", textContent: "Copy link",
      });
      button.setAttribute("aria-label", `Copy link to “${title}”`);
      button.dataset.url = url;
      button.addEventListener("click", async () => {
        await copyText(url);
        button.textContent = "Link copied";
        button.classList.add("entry__copy--done");
        announce(`Link to “${title}” copied`);
        setTimeout(() => {
          button.textContent = "Copy link";
          button.classList.remove("entry__copy--done");
        }, COPIED_FOR_MS);
      });
      heading.after(button);
    }
  };

  const showTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    let target = id && document.getElementById(id);
    if (target && target.dataset.aliasFor) {
      history.replaceState(history.state, "", `#${target.dataset.aliasFor}`);
      target = document.getElementById(target.dataset.aliasFor);
    }
    for (const old of document.querySelectorAll("section.entry--target")) old.classList.remove("entry--target");
    const section = target && target.closest("section.entry");
    if (!section) return;
    section.classList.add("entry--target");
    headingOf(section).scrollIntoView({ block: "start" });
  };

  const setUp = () => {
    addCopyButtons();
    showTarget();
  };

  window.addEventListener("hashchange", showTarget);
  // Material's instant navigation moves between same-page entries with pushState, so back/forward fires
  // popstate without hashchange; let Material restore its scroll position first, then show the target.
  window.addEventListener("popstate", () => setTimeout(showTarget, 0));
  if (window.document$) window.document$.subscribe(setUp);  // Material: every page load, instant or not
  else document.addEventListener("DOMContentLoaded", setUp);
})();
