// A person's posts over time (from their first to their last report, or their stated term) and the
// meetings they chaired or attended, as an SVG timeline and as a list for screen readers.

import { el } from "./http.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 340;
const ROW = 30;
const LEFT = 8;
const RIGHT = 8;
const DAY = 86_400_000;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function day(text) {
  return text ? new Date(`${text}T00:00:00Z`).getTime() : null;
}

// The person's posts and meetings from their one-step neighbourhood.
export function timelineOf(person, edges, nodes) {
  const posts = edges
    .filter((e) => e.type === "HOLDS_POST" && e.source === person)
    .map((e) => ({
      title: e.title || "",
      organization: nodes.get(e.target)?.label || e.target,
      from: e.member_from || e.first_reported,
      to: e.member_until || e.last_reported || e.member_from || e.first_reported,
    }))
    .filter((post) => post.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  const meetings = edges
    .filter((e) => (e.type === "CHAIRED" || e.type === "ATTENDED") && e.source === person)
    .map((e) => ({ role: e.type === "CHAIRED" ? "chaired" : "attended", meeting: nodes.get(e.target) }))
    .filter((m) => m.meeting && m.meeting.date)
    .map((m) => ({ role: m.role, label: m.meeting.label, date: m.meeting.date }));
  return { posts, meetings };
}

export function drawTimeline({ section, figure, list }, { posts, meetings }) {
  figure.replaceChildren();
  list.replaceChildren();
  section.hidden = posts.length === 0 && meetings.length === 0;
  if (section.hidden) return;
  const days = [...posts.flatMap((p) => [day(p.from), day(p.to)]), ...meetings.map((m) => day(m.date))];
  const first = Math.min(...days) - 30 * DAY;
  const last = Math.max(...days) + 30 * DAY;
  const x = (time) => LEFT + ((time - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const height = (posts.length + 1) * ROW + 24;
  const chart = svg("svg", { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: "img" });
  chart.setAttribute("aria-label", "Timeline of posts and meetings; the same facts are listed below.");
  posts.forEach((post, index) => {
    const top = index * ROW + 12;
    chart.append(svg("text", { x: LEFT, y: top }, `${post.title} — ${post.organization}`));
    const start = x(day(post.from));
    const width = Math.max(4, x(day(post.to)) - start);
    const bar = svg("rect", { x: start, y: top + 4, width, height: 8, rx: 3, fill: "#d95f02" });
    bar.append(svg("title", {}, `${post.title}, ${post.organization}: ${post.from} – ${post.to}`));
    chart.append(bar);
  });
  const lane = posts.length * ROW + 14;
  if (meetings.length) chart.append(svg("text", { x: LEFT, y: lane }, "Meetings"));
  for (const meeting of meetings) {
    const dot = svg("circle", { cx: x(day(meeting.date)), cy: lane + 8, r: 4, fill: "#e7298a" });
    dot.append(svg("title", {}, `${meeting.date}: ${meeting.role} ${meeting.label}`));
    chart.append(dot);
  }
  const axis = height - 8;
  chart.append(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: axis - 10, y2: axis - 10, class: "axis" }));
  const firstYear = new Date(first).getUTCFullYear();
  const lastYear = new Date(last).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 6));
  for (let year = firstYear; year <= lastYear; year += step) {
    const time = Date.UTC(year, 0, 1);
    if (time >= first && time <= last) chart.append(svg("text", { x: x(time), y: axis, "text-anchor": "middle" }, year));
  }
  figure.append(chart);
  for (const post of posts) list.append(el("li", {}, `${post.title}, ${post.organization}: ${post.from} – ${post.to}`));
  for (const meeting of meetings) list.append(el("li", {}, `${meeting.date}: ${meeting.role} ${meeting.label}`));
}
