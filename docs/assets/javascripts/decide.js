// The decision helper on decide/. It scores the reader's answers with the data the page embeds in
// #decide-data (rendered from data/decision.yml), shows the result and the answers that decided it, and keeps
// the answers in the query string (?performance=3&trait=single-binary) so that a link restores them.
// score() is the only implementation of the scoring rules; the browser tests run tests/decision_vectors.yml
// against it through the form.
(() => {
  const TRAIT = "trait";

  // answers: { weights: { criterionId: weight }, traits: [traitId, ...] }
  const score = (model, answers) => {
    const reasons = [];
    for (const criterion of model.criteria) {
      const weight = answers.weights[criterion.id] || 0;
      const gap = weight * (criterion.rust - criterion.python);
      if (gap) reasons.push({ kind: "criterion", id: criterion.id, weight, rust: Math.max(gap, 0), python: Math.max(-gap, 0) });
    }
    for (const trait of model.traits) {
      if (answers.traits.includes(trait.id)) reasons.push({ kind: "trait", id: trait.id, rust: trait.rust, python: trait.python });
    }
    const total = (side) => reasons.reduce((sum, reason) => sum + reason[side], 0);
    const rust = total("rust");
    const python = total("python");
    const { minimum, ratio } = model.thresholds;
    let outcome = "mix";
    if (Math.max(rust, python) < minimum) outcome = "undecided";
    else if (rust >= ratio * python) outcome = "rust";
    else if (python >= ratio * rust) outcome = "python";
    reasons.sort((a, b) => b.rust + b.python - (a.rust + a.python));  // stable: ties keep the form's order
    return { outcome, rust, python, reasons };
  };

  const defaultWeight = (model) => model.levels[0].weight;

  const answersFromQuery = (model, search) => {
    const params = new URLSearchParams(search);
    const weights = {};
    for (const criterion of model.criteria) {
      const weight = Number(params.get(criterion.id));
      const known = params.has(criterion.id) && model.levels.some((level) => level.weight === weight);
      weights[criterion.id] = known ? weight : defaultWeight(model);
    }
    const traits = params.getAll(TRAIT).filter((id) => model.traits.some((trait) => trait.id === id));
    return { weights, traits };
  };

  const queryFromAnswers = (model, answers) => {
    const params = new URLSearchParams();
    for (const criterion of model.criteria) {
      const weight = answers.weights[criterion.id];
      if (weight !== defaultWeight(model)) params.set(criterion.id, weight);
    }
    for (const id of answers.traits) params.append(TRAIT, id);
    const query = params.toString();
    return query ? `?${query}` : "";
  };

  const answersFromForm = (model, form) => {
    const weights = {};
    for (const criterion of model.criteria) weights[criterion.id] = Number(form.elements[criterion.id].value);
    const traits = [...form.querySelectorAll(`input[name="${TRAIT}"]:checked`)].map((box) => box.value);
    return { weights, traits };
  };

  const fillForm = (form, answers) => {
    for (const [id, weight] of Object.entries(answers.weights)) form.elements[id].value = String(weight);
    for (const box of form.querySelectorAll(`input[name="${TRAIT}"]`)) box.checked = answers.traits.includes(box.value);
  };

  const pointsText = ({ rust, python }) =>
    [rust && `+${rust} Rust`, python && `+${python} Python`].filter(Boolean).join(", ");

  const ruleText = (model, result) => {
    const { minimum, ratio } = model.thresholds;
    if (result.outcome === "undecided") return `Neither language has ${minimum} points yet.`;
    if (result.outcome === "mix") return `Both have points, and neither has ${ratio} times the other's.`;
    const [winner, other] = result.outcome === "rust" ? ["Rust", "Python"] : ["Python", "Rust"];
    return `${winner} has at least ${ratio} times ${other}'s points.`;
  };

  // Each answer links to its row in the static tables, which give the reason and link to the sections and FAQ.
  const reasonItem = (model, reason, levels) => {
    const item = document.createElement("li");
    item.dataset.id = reason.id;
    const link = document.createElement("a");
    if (reason.kind === "criterion") {
      link.href = `#score-${reason.id}`;
      link.textContent = model.criteria.find((c) => c.id === reason.id).title;
      item.append(link, ` (${levels[reason.weight]}): `);
    } else {
      link.href = `#trait-${reason.id}`;
      link.textContent = model.traits.find((t) => t.id === reason.id).label;
      item.append(link, ": ");
    }
    item.append(Object.assign(document.createElement("strong"), { textContent: pointsText(reason) }));
    return item;
  };

  const showResult = (root, model, result) => {
    const levels = Object.fromEntries(model.levels.map((level) => [level.weight, level.label]));
    root.dataset.outcome = result.outcome;
    root.querySelector(".decide__verdict").replaceChildren(
      Object.assign(document.createElement("strong"), { textContent: model.outcomes[result.outcome] }),
      ` Rust ${result.rust} points, Python ${result.python}. ${ruleText(model, result)}`,
    );
    const sum = result.rust + result.python || 1;
    root.querySelector(".decide__bar-rust").style.width = `${(100 * result.rust) / sum}%`;
    root.querySelector(".decide__bar-python").style.width = `${(100 * result.python) / sum}%`;
    root.querySelector(".decide__reasons-title").hidden = result.reasons.length === 0;
    root.querySelector(".decide__reasons").replaceChildren(
      ...result.reasons.map((reason) => reasonItem(model, reason, levels)),
    );
    // The advice is the static "What each result means" section for this outcome, rendered from the data.
    const advice = document.querySelector(`.decide-outcome[data-outcome="${result.outcome}"]`);
    root.querySelector(".decide__advice").replaceChildren(
      ...[...advice.children].filter((node) => !/^H\d$/.test(node.tagName)).map((node) => node.cloneNode(true)),
    );
  };

  const setUp = () => {
    const root = document.getElementById("decide");
    const data = document.getElementById("decide-data");
    if (!root || !data) return;
    const model = JSON.parse(data.textContent);
    const form = root.querySelector("form");
    const refresh = () => {
      const answers = answersFromForm(model, form);
      showResult(root, model, score(model, answers));
      const url = `${location.pathname}${queryFromAnswers(model, answers)}${location.hash}`;
      root.querySelector(".decide__share").href = url;
      return url;
    };
    fillForm(form, answersFromQuery(model, location.search));
    refresh();
    const update = () => history.replaceState(history.state, "", refresh());
    form.addEventListener("change", update);
    form.addEventListener("reset", () => setTimeout(update));  // the fields are reset after the event
    // The result updates as the answers change; "Show the result" (or Enter) takes the reader to it.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      root.querySelector(".decide__result").focus();
    });
  };

  if (window.document$) window.document$.subscribe(setUp);  // once Material has set up the page
  else document.addEventListener("DOMContentLoaded", setUp);
})();
