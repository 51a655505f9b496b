// Deep links to FAQ answers and comparison criteria (sections rendered as <section class="entry">):
// a "Copy link" button per entry, old ids (aliases) forwarded to the current one, and the target highlighted
// and scrolled below the sticky header, on first load, on in-page jumps and on back/forward.
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

  // Each entry is built with a plain "Link to this answer" anchor (useful without JavaScript, and it keeps
  // the layout from shifting); here it becomes a button that copies the entry's absolute URL.
  const addCopyButtons = () => {
    // The page says its kind (overrides/main.html). On an answer's own page the link copies the page's address;
    // in a list of entries, the entry's: the link's href (#id) taken from the page's address.
    const ownPage = document.querySelector("article")?.dataset.pageKind === "answer";
    for (const link of document.querySelectorAll("a.entry__copy")) {
      const heading = ownPage ? document.querySelector("article h1") : headingOf(link.closest("section.entry"));
      const url = ownPage ? canonicalPage() : new URL(link.getAttribute("href"), canonicalPage()).href;
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
      link.replaceWith(button);
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
  if (window.document$) window.document$.subscribe(setUp);  // once Material has set up the page
  else document.addEventListener("DOMContentLoaded", setUp);
})();
