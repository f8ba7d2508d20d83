// Read-only probes the browser tests inject into every JupyterLab page (window.lessonsProbe).
// They look at the DOM as a student would see it; they never change the notebook.
// textContent, not innerText: JupyterLab skips painting off-screen cells
// (content-visibility), and innerText of unpainted content is empty.
(() => {
  const COURSE_REGIONS = [
    ".lessons-quiz-lesson",
    ".lessons-quiz",
    ".lessons-sim",
    ".lessons-progress-dashboard",
    ".jp-MarkdownCell .jp-RenderedMarkdown",
    ".jp-OutputArea-output.jp-RenderedHTMLCommon",
  ].join(", ");

  function mix(hash, text) {
    // FNV-1a, enough to tell "the numbers changed" from "they did not".
    let h = hash;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }

  function digest(value, hash) {
    if (value === null || value === undefined) return mix(hash, "~");
    if (typeof value === "number") return mix(hash, value.toPrecision(12) + ",");
    if (typeof value === "string" || typeof value === "boolean" || typeof value === "bigint") {
      return mix(hash, String(value) + ",");
    }
    if (ArrayBuffer.isView(value)) {
      let h = hash;
      for (let i = 0; i < value.length; i++) h = digest(value[i], h);
      return mix(h, "#" + value.length);
    }
    if (Array.isArray(value)) {
      let h = hash;
      for (const item of value) h = digest(item, h);
      return mix(h, "#" + value.length);
    }
    if (typeof value === "object") {
      let h = hash;
      for (const key of Object.keys(value).sort()) {
        if (key === "uid" || key.startsWith("_")) continue;
        h = digest(value[key], mix(h, key + ":"));
      }
      return h;
    }
    return hash;
  }

  function hasPoints(trace) {
    return Object.values(trace).some(
      (value) =>
        (Array.isArray(value) || ArrayBuffer.isView(value)) ? value.length > 0
          : Boolean(value && typeof value === "object" && value.bdata),
    );
  }

  // WebGL traces (scattergl) draw on a canvas, not in the SVG: painted means some pixel of
  // plotly's drawing canvas is not transparent.
  function glPainted(plot) {
    const canvas = plot.querySelector("canvas.gl-canvas-context");
    if (canvas === null || canvas.width === 0 || canvas.height === 0) return false;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext("2d");
    context.drawImage(canvas, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
    return false;
  }

  // Rendered: plotly built the figure from at least one trace, and drew a trace group (SVG)
  // or painted its WebGL canvas when any trace has points (a figure may start empty by
  // design, e.g. "your answers").
  function plotIsDrawn(plot) {
    const data = plot.data || [];
    if (data.length === 0 || plot.querySelector(".main-svg") === null) return false;
    if (!data.some(hasPoints)) return true;
    const svgTraces = data.filter((trace) => !String(trace.type || "").endsWith("gl"));
    if (svgTraces.some(hasPoints) && plot.querySelector("g.trace") === null) return false;
    const glTraces = data.filter((trace) => String(trace.type || "").endsWith("gl"));
    return !glTraces.some(hasPoints) || glPainted(plot);
  }

  const XY_TYPES = new Set([undefined, "scatter", "scattergl", "bar"]);

  // Traces that reach the page with y values but without the x values their figure's
  // other traces have: plotly then draws them against the point index (0, 1, 2, ...).
  function tracesWithoutX(plot) {
    const data = plot.data || [];
    const withX = data.filter((trace) => trace.x != null);
    if (withX.length === 0) return [];
    return data
      .filter((trace) => XY_TYPES.has(trace.type) && trace.x == null && trace.y != null &&
        trace.y.length > 1)
      .map((trace) => ({ name: String(trace.name ?? ""), points: trace.y.length }));
  }

  function cells() {
    const found = document.querySelectorAll(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell");
    return Array.from(found, (cell) => {
      const outputs = Array.from(cell.querySelectorAll(".jp-OutputArea-output"));
      const plots = Array.from(cell.querySelectorAll(".js-plotly-plot"));
      const prompt = cell.querySelector(".jp-InputPrompt");
      return {
        code: cell.classList.contains("jp-CodeCell"),
        prompt: prompt ? prompt.textContent.trim() : "",
        quizQuestions: cell.querySelectorAll(".lessons-quiz").length,
        simulations: cell.querySelectorAll(".lessons-sim").length,
        dashboards: cell.querySelectorAll(".lessons-progress-dashboard").length,
        outputs: outputs.length,
        plots: plots.length,
        plotsDrawn: plots.filter(plotIsDrawn).length,
        undrawnPlots: plots.filter((plot) => !plotIsDrawn(plot)).map((plot) => ({
          traces: (plot.data || []).length,
          withPoints: (plot.data || []).filter(hasPoints).length,
          svg: plot.querySelector(".main-svg") !== null,
          drawnTraces: plot.querySelectorAll("g.trace").length,
        })),
        tracesWithoutX: plots.flatMap((plot, index) =>
          tracesWithoutX(plot).map((trace) => ({ plot: index, ...trace }))),
        widgetViews: outputs.filter(
          (o) => o.querySelector(":scope > .jupyter-widgets") !== null &&
            !o.textContent.includes("Error displaying widget"),
        ).length,
        loadingWidgets: outputs.filter((o) => o.textContent.trim() === "Loading widget...").length,
        tracebacks: outputs
          .filter((o) => o.getAttribute("data-mime-type") === "application/vnd.jupyter.stderr")
          .map((o) => o.textContent)
          .filter((text) => text.includes("Traceback") || /^\s*\w*(Error|Exception)\b/m.test(text))
          .map((text) => text.slice(0, 2000)),
        widgetErrors: outputs
          .map((o) => o.textContent)
          .filter((text) => text.includes("Error displaying widget"))
          .map((text) => text.slice(0, 300)),
      };
    });
  }

  // Data and layout (a cursor may be a layout shape); plotly's own bookkeeping is skipped.
  function fingerprint(plot) {
    return digest(plot.layout || {}, digest(plot.data || [], 2166136261));
  }

  // Time from the first input that can move a control to the first DOM change of a plot
  // whose data or layout differ from before ("end"), and to the figure fully redrawn: the
  // first plotly_afterplot of a changed plot from then on, and the next paint after it
  // ("painted": two animation frames). Armed on one simulation block at a time.
  function armTiming(root) {
    if (window.__lessonsTiming && window.__lessonsTiming.cleanup) {
      window.__lessonsTiming.cleanup();
      window.__lessonsTiming.stopAfterplot();
    }
    const plots = Array.from(root.querySelectorAll(".js-plotly-plot"));
    const before = plots.map(fingerprint);
    const state = {
      start: null,
      end: null,
      afterplot: null,
      painted: null,
      changed: [],
      plots: plots.length,
      cleanup: null,
    };
    const afterplot = () => {
      if (state.start === null || state.afterplot !== null) return;
      if (!plots.some((plot, i) => fingerprint(plot) !== before[i])) return;
      state.afterplot = performance.now();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          state.painted = performance.now();
        }),
      );
    };
    const listening = plots.filter((plot) => typeof plot.on === "function");
    listening.forEach((plot) => plot.on("plotly_afterplot", afterplot));
    const onInput = (event) => {
      if (state.start !== null) return;
      if (event.type === "pointermove" && !(event.buttons & 1)) return;
      // Pressing on a slider's thumb does not move it yet: the drag starts the clock.
      if (event.type === "pointerdown" && event.target.matches("input[type=range]")) return;
      state.start = performance.now();
    };
    // "input"/"change" catch a value picked from a dropdown's list.
    const types = ["keydown", "pointerdown", "pointermove", "input", "change"];
    types.forEach((type) => root.addEventListener(type, onInput, true));
    const observer = new MutationObserver(() => {
      if (state.start === null || state.end !== null) return;
      const now = performance.now();
      const changed = plots.map((plot, i) => fingerprint(plot) !== before[i]);
      if (changed.some(Boolean)) {
        state.end = now;
        state.changed = changed;
        state.cleanup();
      }
    });
    plots.forEach((plot) =>
      observer.observe(plot, { subtree: true, childList: true, attributes: true }),
    );
    state.cleanup = () => {
      observer.disconnect();
      types.forEach((type) => root.removeEventListener(type, onInput, true));
    };
    state.stopAfterplot = () => {
      listening.forEach((plot) => plot.removeListener("plotly_afterplot", afterplot));
    };
    window.__lessonsTiming = state;
    return plots.length;
  }

  function timing() {
    const state = window.__lessonsTiming;
    if (!state) return null;
    return {
      start: state.start,
      end: state.end,
      painted: state.painted,
      changed: state.changed,
      plots: state.plots,
    };
  }

  function inCourseRegion(selector) {
    if (typeof selector !== "string") return false;
    let element = null;
    try {
      element = document.querySelector(selector);
    } catch (error) {
      return false;
    }
    return Boolean(element && element.closest(COURSE_REGIONS));
  }

  window.lessonsProbe = { cells, fingerprint, armTiming, timing, inCourseRegion, plotIsDrawn };
})();
